import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { counterRate } from './counter-rate.js';

describe('counterRate', () => {
  it('gives the per-second rate', () => {
    assert.equal(counterRate(1000, 3000, 500), 4000);
  });

  it('answers null for a counter reset or no elapsed time', () => {
    assert.equal(counterRate(3000, 1000, 500), null);
    assert.equal(counterRate(1000, 3000, 0), null);
  });
});
