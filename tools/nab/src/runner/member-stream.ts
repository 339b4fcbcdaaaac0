import {
  SEEDED_DETECTORS,
  StandardScaler,
  createDetector,
  rowOf,
} from '@hostwatch/detectors';
import type { Detector, FeatureMatrix, MemberName } from '@hostwatch/detectors';
import type { NabRunOptions } from './nab-run-options.js';
import { TailCalibration } from './tail-calibration.js';

/** A fitted scaler and detector: one snapshot of a member. */
interface FittedMember {
  readonly scaler: StandardScaler;
  readonly detector: Detector;
  readonly scaled: Float64Array;
}

/**
 * One member's scores for every row of a file, in [0, 1]. It learns from
 * rows [0, probation), then scores each later row before learning from
 * it; a refit reads only rows before the one being scored. Probationary
 * rows score 0. The calibration starts from out-of-sample scores: a model
 * fitted on the first half of the probation scores the second half.
 */
export function streamMember(
  name: MemberName,
  features: FeatureMatrix,
  probation: number,
  options: NabRunOptions,
): Float64Array {
  const scores = new Float64Array(features.rows);
  const calibration = new TailCalibration(
    options.history,
    options.decades,
    options.smooth,
    options.empirical,
  );
  const half = Math.floor(probation / 2);
  let member = fitMember(name, features, 0, half, options);
  for (let i = half; i < probation; i++) {
    calibration.learn(scoreRow(member, features, i));
  }
  member = fitMember(name, features, 0, probation, options);
  for (let i = probation; i < features.rows; i++) {
    if (isRefitRow(i - probation, options.refitEvery)) {
      const from = Math.max(0, i - options.trainRows);
      member = fitMember(name, features, from, i, options);
    }
    scores[i] = calibration.calibrate(scoreRow(member, features, i));
  }
  return scores;
}

function isRefitRow(sinceProbation: number, every: number): boolean {
  return every > 0 && sinceProbation > 0 && sinceProbation % every === 0;
}

/** Fits a scaler and a detector on rows [from, to). */
function fitMember(
  name: MemberName,
  features: FeatureMatrix,
  from: number,
  to: number,
  options: NabRunOptions,
): FittedMember {
  const start = from * features.cols;
  const rows: FeatureMatrix = {
    rows: to - from,
    cols: features.cols,
    data: features.data.subarray(start, to * features.cols),
  };
  const scaler = new StandardScaler().fit(rows);
  const seed = SEEDED_DETECTORS.has(name) ? { seed: options.seed } : {};
  const own = options.memberOptions[name] ?? {};
  const detector = createDetector(name, { ...seed, ...own });
  detector.fit(scaler.transform(rows));
  return { scaler, detector, scaled: new Float64Array(features.cols) };
}

function scoreRow(
  member: FittedMember,
  features: FeatureMatrix,
  row: number,
): number {
  member.scaler.transformRow(rowOf(features, row), member.scaled);
  return member.detector.score(member.scaled);
}
