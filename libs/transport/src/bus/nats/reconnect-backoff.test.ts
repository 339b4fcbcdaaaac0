import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReconnectBackoff } from './reconnect-backoff.js';

describe('ReconnectBackoff', () => {
  it('doubles up to the ceiling, drawing from the upper half, and resets', () => {
    const highest = new ReconnectBackoff(100, 1000, () => 1);
    assert.deepEqual(
      Array.from({ length: 6 }, () => highest.next()),
      [100, 200, 400, 800, 1000, 1000],
    );
    const lowest = new ReconnectBackoff(100, 1000, () => 0);
    assert.deepEqual([lowest.next(), lowest.next()], [50, 100]);
    lowest.reset();
    assert.equal(lowest.attempts, 0);
    assert.equal(lowest.next(), 50);
  });
});
