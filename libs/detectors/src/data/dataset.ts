/**
 * A table of samples as read from a CSV file (DESIGN.md: a header of feature
 * names, an optional `label` column, an optional `timestamp` column that
 * models ignore).
 *
 * Values are stored row-major in one Float64Array. A missing value (an empty
 * cell, a sensor the host lacks) is stored as NaN: that is the one place
 * where NaN means "null". Everything that fits a model goes through the
 * model set, which drops features with no values and imputes the rest
 * explicitly, so NaN never reaches a detector.
 */
export interface Dataset {
  /** Feature columns, in file order; `label` and `timestamp` excluded. */
  readonly features: readonly string[];
  readonly rows: number;
  /** rows x features.length, row-major; NaN marks a missing value. */
  readonly values: Float64Array;
  /** 1 anomaly, 0 normal; present when the file has a `label` column. */
  readonly labels?: Uint8Array;
  /** As written in the file; present when it has a `timestamp` column. */
  readonly timestamps?: readonly string[];
}
