import type { FeatureDeviation } from './score-result.js';

/** Published on `anomalies.<host>` when the ensemble flags a sample. */
export interface AnomalyEvent {
  readonly v: 1;
  readonly host: string;
  readonly seq: number;
  readonly timestamp: number;
  readonly score: number;
  readonly votes: number;
  readonly members: number;
  /** Names of the detectors that flagged the sample. */
  readonly flagged_by: readonly string[];
  readonly explanation: readonly FeatureDeviation[];
  readonly features: Readonly<Record<string, number | null>>;
}

/** Published on `drift.<host>` when Page-Hinkley raises an alarm. */
export interface DriftEvent {
  readonly v: 1;
  readonly host: string;
  readonly seq: number;
  readonly timestamp: number;
  /** The Page-Hinkley statistic at the alarm. */
  readonly statistic: number;
  readonly direction: 'up' | 'down';
  readonly threshold: number;
}

/** Published on `deadletter.<source>` for every rejected message. */
export interface DeadLetter {
  readonly v: 1;
  /** The subject the rejected message arrived on. */
  readonly subject: string;
  /** A stable reason code, e.g. `invalid_json`, `missing_field`. */
  readonly reason: string;
  readonly detail: string;
  /** The payload as text, truncated to a few KiB. */
  readonly payload: string;
  readonly rejected_at: number;
  readonly service: string;
}
