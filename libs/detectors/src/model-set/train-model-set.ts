import { SUPERVISED_DETECTORS } from '../core/detector.js';
import type { Detector } from '../core/detector.js';
import type { FeatureMatrix } from '../core/feature-matrix.js';
import { StandardScaler } from '../core/standard-scaler.js';
import { VotingEnsemble } from '../detectors/voting-ensemble.js';
import { InsufficientDataError } from '../errors.js';
import { createDetector } from '../registry.js';
import type { DetectorOptions, MemberName } from '../registry.js';
import type { SkippedDetector } from './model-set-json.js';
import { ModelSet } from './model-set.js';
import {
  SEEDED_DETECTORS,
  parseTrainModelSetOptions,
} from './model-set-options.js';
import type {
  ParsedTrainModelSetOptions,
  TrainModelSetOptions,
} from './model-set-options.js';
import { featureSchemaOf, imputedMatrix } from './training-data.js';

/** Scaled training data, as every member sees it. */
interface TrainingData {
  readonly normal: FeatureMatrix;
  readonly labeled: FeatureMatrix | undefined;
  readonly labels: Uint8Array | undefined;
}

/**
 * Trains a model set: picks the features (those with values in the normal
 * data), imputes missing training values with column means, fits the
 * scaler on normal data, fits each unsupervised detector on normal data and
 * each supervised one on labelled data, calibrates the ensemble on normal
 * data. Each detector chooses its own threshold while fitting. A supervised
 * detector without labelled data (or with one class only) is skipped and
 * listed in `skipped` with the reason; a member that fails otherwise
 * throws.
 */
export function trainModelSet(options: TrainModelSetOptions): ModelSet {
  const opts = parseTrainModelSetOptions(options);
  const schema = featureSchemaOf(opts.normal);
  const normal = imputedMatrix(opts.normal, schema);
  const scaler = new StandardScaler().fit(normal);
  const data = scaledData(opts, scaler, normal, schema);

  const skipped: SkippedDetector[] = [];
  const trainMs: Partial<Record<MemberName, number>> = {};
  const members: Detector[] = [];
  for (const name of opts.detectors) {
    const reason = skipReason(name, data);
    if (reason !== undefined) skipped.push({ name, reason });
    else members.push(trainMember(name, opts, data, trainMs));
  }

  const ensemble = new VotingEnsemble(requireMembers(members, skipped));
  ensemble.fit(data.normal);
  return new ModelSet({
    createdAt: opts.createdAt,
    features: schema.features,
    means: schema.means,
    droppedFeatures: schema.dropped,
    scaler,
    ensemble,
    explainTop: opts.explainTop,
    skipped,
    trainMs,
  });
}

function scaledData(
  opts: ParsedTrainModelSetOptions,
  scaler: StandardScaler,
  normal: FeatureMatrix,
  schema: ReturnType<typeof featureSchemaOf>,
): TrainingData {
  const labeled = opts.labeled;
  return {
    normal: scaler.transform(normal),
    labeled: labeled && scaler.transform(imputedMatrix(labeled, schema)),
    labels: labeled?.labels,
  };
}

function skipReason(name: MemberName, data: TrainingData): string | undefined {
  if (!SUPERVISED_DETECTORS.has(name)) return undefined;
  if (data.labels === undefined) {
    return 'supervised: needs labelled data with a label column, none given';
  }
  const anomalies = data.labels.reduce((sum, label) => sum + label, 0);
  if (anomalies === 0 || anomalies === data.labels.length) {
    return (
      `supervised: labelled data has ${anomalies} anomalies ` +
      `in ${data.labels.length} rows, expected both classes`
    );
  }
  return undefined;
}

function trainMember(
  name: MemberName,
  opts: ParsedTrainModelSetOptions,
  data: TrainingData,
  trainMs: Partial<Record<MemberName, number>>,
): Detector {
  const detector = createDetector(name, memberOptions(name, opts));
  const start = performance.now();
  if (SUPERVISED_DETECTORS.has(name)) {
    detector.fit(data.labeled as FeatureMatrix, data.labels);
  } else {
    detector.fit(data.normal);
  }
  trainMs[name] = performance.now() - start;
  return detector;
}

function memberOptions(
  name: MemberName,
  opts: ParsedTrainModelSetOptions,
): DetectorOptions {
  const own = opts.detectorOptions[name] ?? {};
  if (!SEEDED_DETECTORS.has(name) || own.seed !== undefined) return own;
  return { ...own, seed: opts.seed };
}

function requireMembers(
  members: Detector[],
  skipped: readonly SkippedDetector[],
): Detector[] {
  if (members.length === 0) {
    const why = skipped.map((s) => `${s.name} (${s.reason})`).join('; ');
    throw new InsufficientDataError(
      `no detector could be trained: ${why}; expected at least one member`,
    );
  }
  return members;
}
