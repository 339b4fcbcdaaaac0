import type { FeatureMatrix } from '../core/feature-matrix.js';
import type { Dataset } from '../data/dataset.js';
import { InsufficientDataError } from '../errors.js';

/**
 * The features a model keeps and the value that stands in for each when a
 * sample lacks it.
 */
export interface FeatureSchema {
  readonly features: readonly string[];
  /** Training mean of each kept feature, over its present values. */
  readonly means: Float64Array;
  /** Features of the normal data left out, all values missing. */
  readonly dropped: readonly string[];
}

/**
 * Keeps every feature of `normal` with at least one value (a sensor the
 * host lacks has none and is left out) and records its mean.
 */
export function featureSchemaOf(normal: Dataset): FeatureSchema {
  if (normal.rows < 2 || normal.features.length === 0) {
    throw new InsufficientDataError(
      `normal data has ${normal.rows} rows of ` +
        `${normal.features.length} features: ` +
        'expected at least 2 rows and 1 feature',
    );
  }
  const features: string[] = [];
  const means: number[] = [];
  const dropped: string[] = [];
  normal.features.forEach((name, col) => {
    const mean = presentMean(normal, col);
    if (Number.isNaN(mean)) dropped.push(name);
    else {
      features.push(name);
      means.push(mean);
    }
  });

  if (features.length === 0) {
    throw new InsufficientDataError(
      `normal data has no values in any of ${normal.features.join(', ')}: ` +
        'expected at least one feature with values',
    );
  }
  return { features, means: Float64Array.from(means), dropped };
}

/** The mean of a column's non-missing values; NaN when all are missing. */
function presentMean(data: Dataset, col: number): number {
  const width = data.features.length;
  let sum = 0;
  let count = 0;
  for (let r = 0; r < data.rows; r++) {
    const value = data.values[r * width + col];
    if (!Number.isNaN(value)) {
      sum += value;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

/**
 * The data set's rows over the schema's features, by name: a missing
 * value, or a feature the data set lacks, becomes the schema's mean.
 */
export function imputedMatrix(
  data: Dataset,
  schema: FeatureSchema,
): FeatureMatrix {
  const cols = schema.features.length;
  const out = new Float64Array(data.rows * cols);
  const width = data.features.length;
  schema.features.forEach((name, c) => {
    const source = data.features.indexOf(name);
    for (let r = 0; r < data.rows; r++) {
      const value = source < 0 ? Number.NaN : data.values[r * width + source];
      out[r * cols + c] = Number.isNaN(value) ? schema.means[c] : value;
    }
  });
  return { rows: data.rows, cols, data: out };
}
