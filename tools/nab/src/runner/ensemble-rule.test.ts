import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinScores } from './ensemble-rule.js';

describe('joinScores', () => {
  const parts = [
    Float64Array.from([0.2, 0.9, 0]),
    Float64Array.from([0.4, 0.1, 0]),
  ];

  it('averages the members row by row', () => {
    const mean = joinScores(parts, 3, 'mean');
    [0.3, 0.5, 0].forEach((x, i) => assert.ok(Math.abs(mean[i] - x) < 1e-12));
  });

  it('keeps the highest member score of each row', () => {
    assert.deepEqual(Array.from(joinScores(parts, 3, 'max')), [0.4, 0.9, 0]);
  });
});
