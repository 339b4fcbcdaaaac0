import { PCA } from 'ml-pca';

import type { Detector, DetectorJson } from '../core/detector.js';
import {
  assertFiniteRow,
  rowOf,
  type FeatureMatrix,
} from '../core/feature-matrix.js';
import {
  FeatureCountError,
  InsufficientDataError,
  ModelFormatError,
  NotFittedError,
} from '../errors.js';
import {
  countField,
  finiteArrayField,
  readModelHeader,
} from '../trees/model-header.js';
import { checkTrainingMatrix } from '../trees/training-data.js';
import { quantile } from './isolation-forest-quantile.js';
import {
  parsePcaReconstructionOptions,
  type PcaReconstructionOptions,
} from './pca-reconstruction-options.js';

export const PCA_RECONSTRUCTION_VERSION = 1;

/** The fitted subspace: training mean and the kept principal axes. */
interface Subspace {
  readonly mean: Float64Array;
  /** components x features, row-major: one unit axis per row. */
  readonly axes: Float64Array;
  readonly components: number;
  /** Share of the training variance each kept axis explains. */
  readonly explained: Float64Array;
}

/**
 * PCA reconstruction error. Normal rows live close to a low-dimensional
 * subspace of the (standardised) features; the score is the squared
 * distance of a row from that subspace, ‖x - x̂‖², in standardised units,
 * as scikit-learn's `inverse_transform(transform(x))`. Fitted with ml-pca
 * (SVD of the centred data); scored with plain loops over typed arrays.
 */
export class PcaReconstruction implements Detector {
  readonly kind = 'pca_reconstruction';
  readonly options: PcaReconstructionOptions;
  threshold = Infinity;
  private subspace: Subspace | null = null;
  /** Scratch for the centred row, so that `score` allocates nothing. */
  private centred = new Float64Array(0);

  constructor(options: Partial<PcaReconstructionOptions> = {}) {
    this.options = parsePcaReconstructionOptions(options);
  }

  get featureCount(): number {
    return this.subspace?.mean.length ?? 0;
  }

  get fitted(): boolean {
    return this.subspace !== null;
  }

  /** Share of the training variance each kept component explains. */
  get explainedVarianceRatio(): Float64Array {
    return this.subspace?.explained.slice() ?? new Float64Array(0);
  }

  fit(x: FeatureMatrix): void {
    checkTrainingMatrix(this.kind, x, 2);
    const { components } = this.options;
    if (components !== null && components > Math.min(x.rows - 1, x.cols)) {
      throw new InsufficientDataError(
        `components ${components} needs at least ${components} features and ` +
          `${components + 1} rows: got ${x.cols} and ${x.rows}`,
      );
    }
    this.install(fitSubspace(x, this.options));
    this.threshold = this.trainingThreshold(x);
  }

  /** Squared distance from `row` to the fitted subspace. */
  score(row: Float64Array): number {
    const { subspace, centred } = this;
    if (subspace === null) throw new NotFittedError(this.kind);
    const cols = subspace.mean.length;
    if (row.length !== cols) throw new FeatureCountError(row.length, cols);
    const error = squaredResidual(subspace, row, centred);
    // A NaN or infinite input makes the error non-finite: only then is
    // the row checked value by value, which keeps the common path short.
    if (!Number.isFinite(error)) assertFiniteRow(row, cols);
    return error;
  }

  predict(row: Float64Array): boolean {
    return this.score(row) >= this.threshold;
  }

  toJSON(): DetectorJson {
    const { subspace } = this;
    if (subspace === null) throw new NotFittedError(this.kind);
    return {
      kind: this.kind,
      version: PCA_RECONSTRUCTION_VERSION,
      threshold: this.threshold,
      featureCount: subspace.mean.length,
      options: { ...this.options },
      components: subspace.components,
      mean: Array.from(subspace.mean),
      axes: Array.from(subspace.axes),
      explained: Array.from(subspace.explained),
    };
  }

  static fromJSON(json: unknown): PcaReconstruction {
    const header = readModelHeader(
      json,
      'pca_reconstruction',
      PCA_RECONSTRUCTION_VERSION,
    );
    const { fields, featureCount: cols } = header;
    const detector = new PcaReconstruction(modelOptions(fields.options));
    const components = countField(fields, 'components');
    detector.install({
      mean: finiteArrayField(fields, 'mean', cols),
      axes: finiteArrayField(fields, 'axes', components * cols),
      components,
      explained: finiteArrayField(fields, 'explained', components),
    });
    detector.threshold = header.threshold;
    return detector;
  }

  private install(subspace: Subspace): void {
    this.subspace = subspace;
    this.centred = new Float64Array(subspace.mean.length);
  }

  /**
   * The training quantile, but never below MIN_PCA_THRESHOLD: when the
   * components span every feature that moved in training (a host with
   * three live sensors and three components), every training error is
   * rounding noise near 0, and a threshold there would flag each sample on
   * the next rounding error.
   */
  private trainingThreshold(x: FeatureMatrix): number {
    const scores = new Float64Array(x.rows);
    for (let r = 0; r < x.rows; r++) scores[r] = this.score(rowOf(x, r));
    const level = quantile(scores, 1 - this.options.contamination);
    return Math.max(level, MIN_PCA_THRESHOLD);
  }
}

/**
 * The lowest default threshold, in squared standard deviations: a sample
 * must leave the fitted subspace by at least a thousandth of a standard
 * deviation (1e-6 squared) to be flagged.
 */
export const MIN_PCA_THRESHOLD = 1e-6;

/**
 * ‖r‖² - Σₖ (r·aₖ)² for the centred row r and orthonormal axes aₖ, which
 * is ‖r - r̂‖² (Pythagoras) at half the cost of rebuilding r̂. The
 * subtraction costs about 1e-13 relative on the fixture data; a row on
 * the subspace may come out a few ulps below 0 and is clamped.
 */
function squaredResidual(
  subspace: Subspace,
  row: Float64Array,
  centred: Float64Array,
): number {
  const { mean, axes, components } = subspace;
  const cols = mean.length;
  let total = 0;
  for (let c = 0; c < cols; c++) {
    const r = row[c] - mean[c];
    centred[c] = r;
    total += r * r;
  }
  let kept = 0;
  for (let k = 0, base = 0; k < components; k++, base += cols) {
    let dot = 0;
    for (let c = 0; c < cols; c++) dot += centred[c] * axes[base + c];
    kept += dot * dot;
  }
  return Math.max(0, total - kept);
}

/** Principal axes of the centred training data, by SVD (ml-pca). */
function fitSubspace(
  x: FeatureMatrix,
  options: PcaReconstructionOptions,
): Subspace {
  const rows = Array.from({ length: x.rows }, (_, r) =>
    Array.from(rowOf(x, r)),
  );
  const pca = new PCA(rows, { method: 'SVD', center: true, scale: false });
  const ratios = pca.getExplainedVariance();
  const components = options.components ?? countFor(ratios, options);
  const vectors = pca.getEigenvectors();
  const axes = new Float64Array(components * x.cols);
  for (let k = 0; k < components; k++) {
    for (let c = 0; c < x.cols; c++) axes[k * x.cols + c] = vectors.get(c, k);
  }
  return {
    mean: columnMeans(x),
    axes,
    components,
    explained: Float64Array.from(ratios.slice(0, components)),
  };
}

/** The fewest leading components whose variance reaches the fraction. */
function countFor(
  ratios: readonly number[],
  options: PcaReconstructionOptions,
): number {
  const target = options.varianceFraction ?? 1;
  let total = 0;
  for (let k = 0; k < ratios.length; k++) {
    total += ratios[k];
    if (total >= target - 1e-12) return k + 1;
  }
  return ratios.length;
}

function columnMeans(x: FeatureMatrix): Float64Array {
  const mean = new Float64Array(x.cols);
  for (let i = 0; i < x.data.length; i++) mean[i % x.cols] += x.data[i];
  return mean.map((sum) => sum / x.rows);
}

function modelOptions(options: unknown): Partial<PcaReconstructionOptions> {
  try {
    return parsePcaReconstructionOptions(
      options as Partial<PcaReconstructionOptions>,
    );
  } catch (err) {
    throw new ModelFormatError('pca_reconstruction options are invalid', err);
  }
}
