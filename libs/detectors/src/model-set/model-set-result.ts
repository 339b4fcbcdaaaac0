import type { FeatureDeviation } from '../explain/anomaly-explainer.js';
import type { MemberName } from '../registry.js';

/** One detector's verdict on one sample. */
export interface MemberVerdict {
  score: number;
  flag: boolean;
  /** Time spent in this detector's `score`, microseconds. */
  time_us: number;
}

/** The ensemble's verdict: mean calibrated score and majority vote. */
export interface EnsembleVerdict extends MemberVerdict {
  /** Members that flagged the sample. */
  votes: number;
  /** Members that voted. */
  members: number;
}

/**
 * What `ModelSet.score` returns. Field names follow the `scores.<host>`
 * message so a scorer can copy them across. A result made by
 * `ModelSet.createResult()` can be passed back to `score` to be refilled:
 * its arrays and objects are reused, nothing is allocated.
 */
export interface ModelSetResult {
  /** Keyed by detector name, members only, in member order. */
  readonly detectors: Readonly<Partial<Record<MemberName, MemberVerdict>>>;
  readonly ensemble: EnsembleVerdict;
  /** Model features the sample lacked, imputed with the training mean. */
  readonly imputed: string[];
  /** The most deviating features, largest |z| first. */
  readonly explanation: FeatureDeviation[];
}

export function createModelSetResult(
  members: readonly MemberName[],
): ModelSetResult {
  const detectors: Partial<Record<MemberName, MemberVerdict>> = {};
  for (const name of members) detectors[name] = emptyVerdict();
  return {
    detectors,
    ensemble: { ...emptyVerdict(), votes: 0, members: members.length },
    imputed: [],
    explanation: [],
  };
}

function emptyVerdict(): MemberVerdict {
  return { score: 0, flag: false, time_us: 0 };
}
