import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { FeatureCountError, InvalidInputError } from '../errors.js';
import { matrixFromRows, rowOf, selectRows } from './feature-matrix.js';

describe('matrixFromRows', () => {
  it('lays rows out row-major', () => {
    const m = matrixFromRows([
      [1, 2],
      [3, 4],
    ]);
    assert.deepEqual([...m.data], [1, 2, 3, 4]);
    assert.deepEqual([...rowOf(m, 1)], [3, 4]);
    assert.deepEqual([...selectRows(m, [1, 0]).data], [3, 4, 1, 2]);
  });

  it('rejects a ragged row, naming the counts', () => {
    assert.throws(() => matrixFromRows([[1, 2], [3]]), FeatureCountError);
  });

  it('rejects NaN and Infinity, naming the position', () => {
    assert.throws(
      () => matrixFromRows([[1, Number.NaN]]),
      (err: unknown) =>
        err instanceof InvalidInputError && /row 0, column 1/.test(err.message),
    );
    assert.throws(() => matrixFromRows([[Infinity]]), InvalidInputError);
  });
});
