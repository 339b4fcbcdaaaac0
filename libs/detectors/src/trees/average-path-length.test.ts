import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { averagePathLength } from './average-path-length.js';

describe('averagePathLength', () => {
  it('matches scikit-learn for 0, 1, 2, 3 and 256 points', () => {
    assert.equal(averagePathLength(0), 0);
    assert.equal(averagePathLength(1), 0);
    assert.equal(averagePathLength(2), 1);
    // scikit-learn 1.2.1 _average_path_length([3, 256])
    assert.ok(Math.abs(averagePathLength(3) - 1.207392357589623) < 1e-12);
    assert.ok(Math.abs(averagePathLength(256) - 10.244770920119917) < 1e-12);
  });
});
