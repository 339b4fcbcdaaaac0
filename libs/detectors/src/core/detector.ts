import type { FeatureMatrix } from './feature-matrix.js';

/**
 * The names used everywhere: results, CSV columns, metric labels, model
 * files. The order is the order of reports and tables.
 */
export const DETECTOR_NAMES = [
  'isolation_forest',
  'one_class_svm',
  'local_outlier_factor',
  'pca_reconstruction',
  'random_forest',
  'xgboost',
  'rl_agent',
  'ensemble',
] as const;

export type DetectorName = (typeof DETECTOR_NAMES)[number];

/** Detectors that learn from labels rather than from normal data alone. */
export const SUPERVISED_DETECTORS: ReadonlySet<DetectorName> = new Set([
  'random_forest',
  'xgboost',
  'rl_agent',
]);

/**
 * Class labels for supervised training: 1 anomaly, 0 normal, one per row.
 */
export type Labels = Uint8Array;

/**
 * The one contract every detector keeps. Rows are already standardised by
 * the model set's scaler; a detector never sees raw units.
 *
 * - `score` is higher for more anomalous rows and finite for every row.
 *   It must not allocate: it runs once per sample per detector.
 * - `predict` is `score(row) >= threshold`.
 * - `toJSON` returns plain data with `kind` and `version`; each class has a
 *   static `fromJSON` that rebuilds an identical scorer.
 */
export interface Detector {
  readonly kind: DetectorName;
  /** Number of features the detector was fitted on (0 before fit). */
  readonly featureCount: number;
  /** Scores at or above the threshold are anomalies. */
  threshold: number;
  readonly fitted: boolean;
  fit(x: FeatureMatrix, labels?: Labels): void;
  score(row: Float64Array): number;
  predict(row: Float64Array): boolean;
  toJSON(): DetectorJson;
}

/** The serialised form shared by every detector. */
export interface DetectorJson {
  readonly kind: DetectorName;
  readonly version: number;
  readonly threshold: number;
  readonly featureCount: number;
  readonly [field: string]: unknown;
}
