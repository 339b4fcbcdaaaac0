import {
  FeatureCountError,
  InsufficientDataError,
  ModelFormatError,
  NotFittedError,
} from '../errors.js';
import { createMatrix } from './feature-matrix.js';
import type { FeatureMatrix } from './feature-matrix.js';

/** The serialised form of a fitted scaler. */
export interface StandardScalerJson {
  readonly kind: 'standard_scaler';
  readonly version: number;
  readonly mean: readonly number[];
  readonly scale: readonly number[];
}

export const STANDARD_SCALER_VERSION = 1;

/**
 * A standard deviation at or below this fraction of max(1, |mean|) counts
 * as zero: summation leaves a constant column a few ulps of spread, which
 * would otherwise blow its z-scores up to 1e15.
 */
const ZERO_STD_TOLERANCE = 1e-12;

/**
 * Centres each feature on its training mean and divides by its population
 * standard deviation (ddof 0, as scikit-learn's StandardScaler). A feature
 * that never varied in training gets scale 1, not 0: its z-score is then
 * its raw distance from the constant, so a sensor that was flat in training
 * and moves later still shows, instead of dividing by zero.
 */
export class StandardScaler {
  private meanValues = new Float64Array(0);
  private scaleValues = new Float64Array(0);

  /** A scaler with known parameters, e.g. a reference model's. */
  static fromParameters(
    mean: ArrayLike<number>,
    scale: ArrayLike<number>,
  ): StandardScaler {
    const scaler = new StandardScaler();
    scaler.setParameters(mean, scale);
    return scaler;
  }

  static fromJSON(json: unknown): StandardScaler {
    const { mean, scale } = parseScalerJson(json);
    return StandardScaler.fromParameters(mean, scale);
  }

  get featureCount(): number {
    return this.meanValues.length;
  }

  get fitted(): boolean {
    return this.meanValues.length > 0;
  }

  /** Training means, one per feature (a copy). */
  get mean(): Float64Array {
    return this.meanValues.slice();
  }

  /** Divisors, one per feature: the std, or 1 for a constant feature. */
  get scale(): Float64Array {
    return this.scaleValues.slice();
  }

  fit(x: FeatureMatrix): this {
    if (x.rows < 1 || x.cols < 1) {
      throw new InsufficientDataError(
        `scaler got ${x.rows} rows of ${x.cols} features: expected at least 1 of each`,
      );
    }
    const mean = columnMeans(x);
    this.setParameters(mean, columnStds(x, mean));
    return this;
  }

  /** Writes the z-scores of `raw` into `out` and returns it; no allocation. */
  transformRow(raw: ArrayLike<number>, out: Float64Array): Float64Array {
    const mean = this.meanValues;
    const scale = this.scaleValues;
    for (let c = 0; c < mean.length; c++) {
      out[c] = (raw[c] - mean[c]) / scale[c];
    }
    return out;
  }

  /** A new matrix of z-scores. */
  transform(matrix: FeatureMatrix): FeatureMatrix {
    this.assertFeatureCount(matrix.cols);
    const out = createMatrix(matrix.rows, matrix.cols);
    for (let r = 0; r < matrix.rows; r++) {
      const start = r * matrix.cols;
      const end = start + matrix.cols;
      this.transformRow(
        matrix.data.subarray(start, end),
        out.data.subarray(start, end),
      );
    }
    return out;
  }

  toJSON(): StandardScalerJson {
    return {
      kind: 'standard_scaler',
      version: STANDARD_SCALER_VERSION,
      mean: Array.from(this.meanValues),
      scale: Array.from(this.scaleValues),
    };
  }

  private assertFeatureCount(cols: number): void {
    if (!this.fitted) throw new NotFittedError('standard_scaler');
    if (cols !== this.featureCount) {
      throw new FeatureCountError(cols, this.featureCount);
    }
  }

  private setParameters(
    mean: ArrayLike<number>,
    scale: ArrayLike<number>,
  ): void {
    this.meanValues = Float64Array.from(mean);
    this.scaleValues = Float64Array.from(scale, (s, c) =>
      s <= ZERO_STD_TOLERANCE * Math.max(1, Math.abs(mean[c])) ? 1 : s,
    );
  }
}

function columnMeans(x: FeatureMatrix): Float64Array {
  const sums = new Float64Array(x.cols);
  for (let i = 0; i < x.data.length; i++) sums[i % x.cols] += x.data[i];
  return sums.map((sum) => sum / x.rows);
}

/** Population standard deviations, two-pass for accuracy. */
function columnStds(x: FeatureMatrix, mean: Float64Array): Float64Array {
  const squares = new Float64Array(x.cols);
  for (let i = 0; i < x.data.length; i++) {
    const d = x.data[i] - mean[i % x.cols];
    squares[i % x.cols] += d * d;
  }
  return squares.map((sum) => Math.sqrt(sum / x.rows));
}

function parseScalerJson(json: unknown): StandardScalerJson {
  const value = json as Partial<StandardScalerJson> | null;
  if (value?.kind !== 'standard_scaler') {
    throw new ModelFormatError(
      `model kind ${String(value?.kind)}: expected standard_scaler`,
    );
  }
  if (value.version !== STANDARD_SCALER_VERSION) {
    throw new ModelFormatError(
      `standard_scaler version ${String(value.version)}: expected ${STANDARD_SCALER_VERSION}`,
    );
  }
  const { mean, scale } = value;
  if (!isFiniteArray(mean) || !isFiniteArray(scale)) {
    throw new ModelFormatError(
      'standard_scaler mean and scale must be arrays of finite numbers',
    );
  }
  if (mean.length !== scale.length || mean.length === 0) {
    throw new ModelFormatError(
      `standard_scaler has ${mean.length} means and ${scale.length} scales: ` +
        'expected the same non-zero count',
    );
  }
  return value as StandardScalerJson;
}

function isFiniteArray(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.every((v) => typeof v === 'number' && Number.isFinite(v))
  );
}
