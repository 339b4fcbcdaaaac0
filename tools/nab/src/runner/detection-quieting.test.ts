import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QUIET_FACTOR, quietAfterDetections } from './detection-quieting.js';

describe('quietAfterDetections', () => {
  it('damps the rows that follow a detection, then listens again', () => {
    const scores = Float64Array.from([0.9, 0.1, 0.8, 0.9, 0.9, 0.2, 0.9, 0.7]);
    quietAfterDetections(scores, 1, 0.5, 2);
    const expected = [
      0.9,
      0.1,
      0.8,
      0.9 * QUIET_FACTOR,
      0.9 * QUIET_FACTOR,
      0.2,
      0.9,
      0.7 * QUIET_FACTOR,
    ];
    expected.forEach((x, i) =>
      assert.ok(Math.abs(scores[i] - x) < 1e-12, `row ${i}`),
    );
  });

  it('leaves scores alone when no row reaches the level', () => {
    const scores = Float64Array.from([0.1, 0.4, 0.3]);
    quietAfterDetections(scores, 0, 0.5, 10);
    assert.deepEqual(Array.from(scores), [0.1, 0.4, 0.3]);
  });
});
