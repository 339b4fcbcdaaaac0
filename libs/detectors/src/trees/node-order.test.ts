import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { matrixFromRows } from '../core/feature-matrix.js';
import { NodeOrder } from './node-order.js';
import { sortColumns } from './sorted-columns.js';

const x = matrixFromRows([
  [5, 0],
  [1, 3],
  [4, 1],
  [2, 2],
]);

describe('NodeOrder', () => {
  it('keeps only rows with a weight, sorted by each feature', () => {
    const order = new NodeOrder(sortColumns(x), Float64Array.of(1, 0, 2, 1));
    assert.equal(order.size, 3);
    assert.deepEqual([...order.order], [3, 2, 0, 0, 2, 3]);
  });

  it('partitions every feature stably, each side still sorted', () => {
    const order = new NodeOrder(sortColumns(x));
    const goesLeft = Uint8Array.of(0, 1, 0, 1);
    assert.equal(order.partition(0, 4, goesLeft), 2);
    assert.deepEqual([...order.order], [1, 3, 2, 0, 3, 1, 0, 2]);
  });
});
