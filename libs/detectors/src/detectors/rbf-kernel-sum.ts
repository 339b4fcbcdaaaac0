import type { FeatureMatrix } from '../core/feature-matrix.js';
import { tableExp } from '../core/table-exp.js';

/** Columns per unrolled step: rows are zero-padded to a multiple of it. */
const STEP = 8;

/**
 * Σᵢ αᵢ exp(-gamma ‖svᵢ - x‖²) over a copy of the support vectors laid
 * out for speed: each row zero-padded to a multiple of 8 columns and the
 * squared distance summed 8 columns per unrolled step. The padding adds
 * (0 - 0)² = +0 to a sum that is already >= 0, and the terms are added in
 * the same left-to-right order as a plain column loop, so every distance
 * is the same double. The exponentials come from `tableExp`, within 2 ulp
 * of `Math.exp`. Measured on the fixture model (168 vectors x 7 columns,
 * CPU time per score on the 2-core machine): 6.9 µs for the plain double
 * loop, 4.3 µs unrolled, 3.2 µs unrolled with `tableExp` (a JavaScript
 * port of V8's own exp had been no faster than `Math.exp`).
 */
export class RbfKernelSum {
  private readonly vectors: Float64Array;
  private readonly coefficients: Float64Array;
  private readonly negativeGamma: number;
  private readonly cols: number;
  private readonly width: number;
  /** The query, zero-padded like the vectors. */
  private readonly query: Float64Array;

  constructor(
    vectors: FeatureMatrix,
    coefficients: Float64Array,
    gamma: number,
  ) {
    this.cols = vectors.cols;
    this.width = Math.ceil(vectors.cols / STEP) * STEP;
    this.vectors = padRows(vectors, this.width);
    this.coefficients = coefficients;
    this.negativeGamma = -gamma;
    this.query = new Float64Array(this.width);
  }

  /** The kernel sum at `x` (cols values); allocation-free. */
  sum(x: ArrayLike<number>): number {
    const { query, vectors, coefficients, negativeGamma, width } = this;
    for (let c = 0; c < this.cols; c++) query[c] = x[c];
    let sum = 0;
    for (let i = 0, at = 0; i < coefficients.length; i++) {
      let distance = 0;
      for (let c = 0; c < width; c += STEP, at += STEP) {
        distance = addSquaredGaps(distance, vectors, at, query, c);
      }
      sum += coefficients[i] * tableExp(negativeGamma * distance);
    }
    return sum;
  }
}

/**
 * `distance` plus the squared gaps of 8 columns, added one by one from the
 * left exactly as a plain column loop adds them.
 */
function addSquaredGaps(
  distance: number,
  v: Float64Array,
  at: number,
  q: Float64Array,
  c: number,
): number {
  const d0 = v[at] - q[c];
  const d1 = v[at + 1] - q[c + 1];
  const d2 = v[at + 2] - q[c + 2];
  const d3 = v[at + 3] - q[c + 3];
  const d4 = v[at + 4] - q[c + 4];
  const d5 = v[at + 5] - q[c + 5];
  const d6 = v[at + 6] - q[c + 6];
  const d7 = v[at + 7] - q[c + 7];
  const low = distance + d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3;
  return low + d4 * d4 + d5 * d5 + d6 * d6 + d7 * d7;
}

function padRows(matrix: FeatureMatrix, width: number): Float64Array {
  const padded = new Float64Array(matrix.rows * width);
  for (let r = 0; r < matrix.rows; r++) {
    const row = matrix.data.subarray(r * matrix.cols, (r + 1) * matrix.cols);
    padded.set(row, r * width);
  }
  return padded;
}
