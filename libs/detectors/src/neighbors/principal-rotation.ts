import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

import { createMatrix, type FeatureMatrix } from '../core/feature-matrix.js';

/**
 * An orthonormal change of basis onto the principal axes of a point set,
 * largest variance first. Distances do not change (up to rounding, ~1e-15
 * relative), but a KD-tree built in this basis splits along the directions
 * the data actually spreads in, and a partial distance over the first few
 * coordinates already carries most of the full one.
 */
export interface PrincipalRotation {
  readonly mean: Float64Array;
  /** dims x dims, row-major: row k is the k-th principal axis. */
  readonly axes: Float64Array;
  /** Variance along each axis, largest first (sums of squares / rows). */
  readonly variances: Float64Array;
}

export function principalRotation(points: FeatureMatrix): PrincipalRotation {
  const { rows, cols, data } = points;
  const mean = new Float64Array(cols);
  for (let i = 0; i < data.length; i++) mean[i % cols] += data[i] / rows;
  const scatter = Matrix.zeros(cols, cols);
  for (let r = 0; r < rows; r++) {
    for (let a = 0; a < cols; a++) {
      const da = data[r * cols + a] - mean[a];
      for (let b = a; b < cols; b++) {
        const value = da * (data[r * cols + b] - mean[b]);
        scatter.set(a, b, scatter.get(a, b) + value);
      }
    }
  }
  const evd = new EigenvalueDecomposition(symmetrise(scatter), {
    assumeSymmetric: true,
  });
  const values = evd.realEigenvalues;
  const order = values.map((_, k) => k).sort((a, b) => values[b] - values[a]);
  return {
    mean,
    axes: axesInOrder(evd.eigenvectorMatrix, order),
    variances: Float64Array.from(order, (k) => Math.max(0, values[k]) / rows),
  };
}

/**
 * How many leading axes hold `share` of the total variance: the dimension
 * a KD-tree effectively has to cut. 1 for a constant point set.
 */
export function effectiveDimensions(
  rotation: PrincipalRotation,
  share: number,
): number {
  const { variances } = rotation;
  const total = variances.reduce((sum, v) => sum + v, 0);
  let kept = 0;
  for (let k = 0; k < variances.length; k++) {
    kept += variances[k];
    if (kept >= share * total) return k + 1;
  }
  return Math.max(1, variances.length);
}

function symmetrise(upper: Matrix): Matrix {
  for (let a = 0; a < upper.rows; a++) {
    for (let b = 0; b < a; b++) upper.set(a, b, upper.get(b, a));
  }
  return upper;
}

/** Unit eigenvectors (columns of `vectors`) as rows, in `order`. */
function axesInOrder(vectors: Matrix, order: readonly number[]): Float64Array {
  const cols = vectors.rows;
  const axes = new Float64Array(cols * cols);
  order.forEach((k, row) => {
    for (let c = 0; c < cols; c++) axes[row * cols + c] = vectors.get(c, k);
  });
  return axes;
}

/** Writes the coordinates of `row` in the rotated basis into `out`. */
export function rotateRow(
  rotation: PrincipalRotation,
  row: ArrayLike<number>,
  out: Float64Array,
): void {
  const { mean, axes } = rotation;
  const cols = mean.length;
  for (let k = 0, base = 0; k < cols; k++, base += cols) {
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += (row[c] - mean[c]) * axes[base + c];
    out[k] = sum;
  }
}

export function rotateMatrix(
  rotation: PrincipalRotation,
  points: FeatureMatrix,
): FeatureMatrix {
  const out = createMatrix(points.rows, points.cols);
  const { cols } = points;
  for (let r = 0; r < points.rows; r++) {
    const start = r * cols;
    rotateRow(
      rotation,
      points.data.subarray(start, start + cols),
      out.data.subarray(start, start + cols),
    );
  }
  return out;
}
