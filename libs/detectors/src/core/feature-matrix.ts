import { FeatureCountError, InvalidInputError } from '../errors.js';

/**
 * A dense row-major matrix of feature values: the one data shape every
 * detector trains on. Rows are samples, columns are features.
 */
export interface FeatureMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function createMatrix(rows: number, cols: number): FeatureMatrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** Builds a matrix from nested arrays, rejecting ragged or non-finite input. */
export function matrixFromRows(
  rows: readonly (readonly number[])[],
): FeatureMatrix {
  const cols = rows[0]?.length ?? 0;
  const matrix = createMatrix(rows.length, cols);
  rows.forEach((row, r) => {
    if (row.length !== cols) throw new FeatureCountError(row.length, cols);
    row.forEach((value, c) => {
      assertFinite(value, r, c);
      matrix.data[r * cols + c] = value;
    });
  });
  return matrix;
}

/** A view of one row: no copy, valid while the matrix lives. */
export function rowOf(matrix: FeatureMatrix, row: number): Float64Array {
  const start = row * matrix.cols;
  return matrix.data.subarray(start, start + matrix.cols);
}

/** A new matrix holding the given rows, in the given order. */
export function selectRows(
  matrix: FeatureMatrix,
  indices: ArrayLike<number>,
): FeatureMatrix {
  const out = createMatrix(indices.length, matrix.cols);
  for (let i = 0; i < indices.length; i++) {
    out.data.set(rowOf(matrix, indices[i]), i * matrix.cols);
  }
  return out;
}

/** Throws unless every value is a finite number. */
export function assertFiniteMatrix(matrix: FeatureMatrix): void {
  const { data, cols } = matrix;
  for (let i = 0; i < data.length; i++) {
    const value = data[i];
    if (!Number.isFinite(value)) {
      assertFinite(value, Math.floor(i / cols), i % cols);
    }
  }
}

/** Throws unless `row` has `cols` finite values. */
export function assertFiniteRow(row: ArrayLike<number>, cols: number): void {
  if (row.length !== cols) throw new FeatureCountError(row.length, cols);
  for (let c = 0; c < cols; c++) {
    if (!Number.isFinite(row[c])) {
      throw new InvalidInputError(
        `value ${String(row[c])} at column ${c} is not a finite number`,
      );
    }
  }
}

function assertFinite(value: number, row: number, col: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidInputError(
      `value ${String(value)} at row ${row}, column ${col} is not a finite number`,
    );
  }
}
