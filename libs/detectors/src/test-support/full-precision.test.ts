import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { FULL_PRECISION_DIR, readTable } from './reference-fixtures.js';

describe('full-precision reference rows', () => {
  for (const name of ['normal_training.csv', 'labeled_test.csv']) {
    it(`round to exactly the published ${name}`, () => {
      const full = readTable(name, FULL_PRECISION_DIR);
      const published = readTable(name);
      assert.equal(full.matrix.rows, published.matrix.rows);
      full.matrix.data.forEach((value, i) => {
        assert.equal(Number(value.toFixed(4)), published.matrix.data[i]);
      });
      assert.deepEqual(full.labels, published.labels);
    });
  }
});
