import type { FeatureMatrix } from '../core/feature-matrix.js';

/**
 * The training matrix laid out for split search: values column-major, and
 * for each feature the row indices sorted by that feature (sorted once per
 * fit, so that no tree sorts again).
 */
export interface SortedColumns {
  readonly rows: number;
  readonly cols: number;
  /** cols x rows: `values[f * rows + r]` is row r's feature f. */
  readonly values: Float64Array;
  /** cols x rows: for each feature, every row index in ascending value. */
  readonly sorted: Int32Array;
}

export function sortColumns(x: FeatureMatrix): SortedColumns {
  const { rows, cols } = x;
  const values = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let f = 0; f < cols; f++) values[f * rows + r] = x.data[r * cols + f];
  }
  const sorted = new Int32Array(rows * cols);
  for (let f = 0; f < cols; f++) sortFeature(values, sorted, f, rows);
  return { rows, cols, values, sorted };
}

function sortFeature(
  values: Float64Array,
  sorted: Int32Array,
  f: number,
  rows: number,
): void {
  const column = values.subarray(f * rows, (f + 1) * rows);
  const order = sorted.subarray(f * rows, (f + 1) * rows);
  for (let r = 0; r < rows; r++) order[r] = r;
  order.sort((a, b) => column[a] - column[b]);
}
