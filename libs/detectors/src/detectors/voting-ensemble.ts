import type { Detector, DetectorJson } from '../core/detector.js';
import { rowOf } from '../core/feature-matrix.js';
import type { FeatureMatrix } from '../core/feature-matrix.js';
import {
  FeatureCountError,
  InsufficientDataError,
  InvalidOptionError,
  ModelFormatError,
  NotFittedError,
} from '../errors.js';
import { QuantileCalibration } from './voting-ensemble-calibration.js';

export const VOTING_ENSEMBLE_VERSION = 1;

/**
 * The share of members that must flag a sample for the ensemble to flag
 * it: strictly more than half (a majority vote).
 */
export const DEFAULT_VOTE_SHARE = 0.5;

export interface VotingEnsembleJson extends DetectorJson {
  readonly kind: 'ensemble';
  readonly members: readonly DetectorJson[];
  /** One quantile table per member, in member order. */
  readonly calibration: readonly (readonly number[])[];
}

/** Rebuilds a member from its JSON (the registry's `detectorFromJSON`). */
export type MemberDecoder = (json: unknown) => Detector;

/**
 * Combines already fitted detectors into one verdict.
 *
 * - Flag: majority vote. Each member flags by its own threshold; the
 *   ensemble flags when more than `threshold` (default 0.5) of the members
 *   do. Unlike the other detectors, the ensemble's `threshold` is this vote
 *   share, not a level of its score: `predict` is the vote.
 * - Score: each member's score is mapped through the empirical CDF of its
 *   scores on the calibration data (normal training rows), and the
 *   ensemble score is the mean of these, in [0, 1]: 0.99 means "as unusual
 *   as the top 1 % of normal data, on average over the members". It ranks
 *   samples for ROC curves and is comparable across model sets.
 */
export class VotingEnsemble implements Detector {
  readonly kind = 'ensemble';
  threshold = DEFAULT_VOTE_SHARE;
  readonly members: readonly Detector[];
  private calibrations: QuantileCalibration[] = [];

  constructor(members: readonly Detector[]) {
    if (members.length === 0) {
      throw new InvalidOptionError(
        'ensemble has 0 members: expected at least 1 fitted detector',
      );
    }
    this.members = members;
  }

  static fromJSON(json: unknown, decode: MemberDecoder): VotingEnsemble {
    const value = readEnsembleJson(json);
    const members = value.members.map((member, i) =>
      decodeMember(member, i, decode),
    );
    const ensemble = new VotingEnsemble(members);
    ensemble.calibrations = value.calibration.map((table) =>
      QuantileCalibration.fromJSON(table),
    );
    ensemble.threshold = value.threshold;
    return ensemble;
  }

  get featureCount(): number {
    return this.members[0].featureCount;
  }

  get fitted(): boolean {
    return this.calibrations.length === this.members.length;
  }

  /**
   * Calibrates each member on `x` (normal training rows, already scaled);
   * the members must be fitted already. `labels` is not used.
   */
  fit(x: FeatureMatrix): void {
    if (x.rows < 2) {
      throw new InsufficientDataError(
        `ensemble calibration got ${x.rows} rows: expected at least 2`,
      );
    }
    this.calibrations = this.members.map((member) =>
      QuantileCalibration.fit(scoresOf(member, x)),
    );
  }

  /** A member's score mapped to [0, 1] by its calibration; no allocation. */
  calibrate(member: number, score: number): number {
    return this.calibrations[member].cdf(score);
  }

  /** Whether `votes` flags out of `members` carry the vote. */
  carries(votes: number, members: number): boolean {
    return votes > this.threshold * members;
  }

  score(row: Float64Array): number {
    this.assertReady(row);
    let sum = 0;
    for (let i = 0; i < this.members.length; i++) {
      sum += this.calibrations[i].cdf(this.members[i].score(row));
    }
    return sum / this.members.length;
  }

  predict(row: Float64Array): boolean {
    this.assertReady(row);
    let votes = 0;
    for (const member of this.members) if (member.predict(row)) votes++;
    return this.carries(votes, this.members.length);
  }

  toJSON(): VotingEnsembleJson {
    if (!this.fitted) throw new NotFittedError(this.kind);
    return {
      kind: this.kind,
      version: VOTING_ENSEMBLE_VERSION,
      threshold: this.threshold,
      featureCount: this.featureCount,
      members: this.members.map((member) => member.toJSON()),
      calibration: this.calibrations.map((c) => c.toJSON()),
    };
  }

  private assertReady(row: Float64Array): void {
    if (!this.fitted) throw new NotFittedError(this.kind);
    if (row.length !== this.featureCount) {
      throw new FeatureCountError(row.length, this.featureCount);
    }
  }
}

function scoresOf(member: Detector, x: FeatureMatrix): Float64Array {
  const scores = new Float64Array(x.rows);
  for (let r = 0; r < x.rows; r++) scores[r] = member.score(rowOf(x, r));
  return scores;
}

function decodeMember(
  json: unknown,
  index: number,
  decode: MemberDecoder,
): Detector {
  try {
    return decode(json);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ModelFormatError(`ensemble member ${index}: ${reason}`, err);
  }
}

function readEnsembleJson(json: unknown): VotingEnsembleJson {
  const value = json as Partial<VotingEnsembleJson> | null;
  if (value?.kind !== 'ensemble' || value.version !== VOTING_ENSEMBLE_VERSION) {
    throw new ModelFormatError(
      `model is ${String(value?.kind)} version ${String(value?.version)}: ` +
        `expected ensemble version ${VOTING_ENSEMBLE_VERSION}`,
    );
  }
  const { members, calibration, threshold } = value;
  if (!Array.isArray(members) || !Array.isArray(calibration)) {
    throw new ModelFormatError(
      'ensemble has no members or calibration array: expected both',
    );
  }
  if (members.length === 0 || members.length !== calibration.length) {
    throw new ModelFormatError(
      `ensemble has ${members.length} members and ` +
        `${calibration.length} calibration tables: ` +
        'expected the same non-zero count',
    );
  }
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold < 1)) {
    throw new ModelFormatError(
      `ensemble threshold ${String(threshold)}: expected a vote share in [0, 1)`,
    );
  }
  return value as VotingEnsembleJson;
}
