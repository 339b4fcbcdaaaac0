import type { MetricSample } from './metric-sample.js';

/** One detector's verdict on one sample; nulls while warming up. */
export interface DetectorVerdict {
  readonly score: number | null;
  readonly flag: boolean | null;
  /** Time spent scoring this sample, microseconds. */
  readonly time_us: number;
}

export interface EnsembleVerdict extends DetectorVerdict {
  /** Members that flagged the sample. */
  readonly votes: number;
  /** Members that voted. */
  readonly members: number;
}

/** A feature among the three that deviate most from the training data. */
export interface FeatureDeviation {
  readonly feature: string;
  readonly value: number;
  /** z-score against the training mean and standard deviation. */
  readonly z: number;
}

export type ScoreStatus = 'scored' | 'warming_up';

/**
 * What a scorer publishes on `scores.<host>` for every sample, also during
 * warm-up, so that downstream logs miss nothing.
 */
export interface ScoreResult {
  readonly v: 1;
  readonly host: string;
  readonly seq: number;
  /** The sample's own timestamp, ms since the epoch. */
  readonly timestamp: number;
  /** When the result was published, ms since the epoch. */
  readonly scored_at: number;
  readonly status: ScoreStatus;
  /** Version of the model set used, null while warming up. */
  readonly model_version: string | null;
  readonly features: MetricSample['features'];
  /** Features missing from the sample and imputed from training data. */
  readonly imputed: readonly string[];
  readonly jitter_ms: number;
  /** Keyed by detector name (isolation_forest, ...); members present only. */
  readonly detectors: Readonly<Record<string, DetectorVerdict>>;
  readonly ensemble: EnsembleVerdict;
  readonly explanation: readonly FeatureDeviation[];
  readonly drift: { readonly statistic: number; readonly flag: boolean };
  /** scored_at - timestamp: from the sample being taken to its result. */
  readonly latency_ms: number;
  readonly label?: 0 | 1;
}
