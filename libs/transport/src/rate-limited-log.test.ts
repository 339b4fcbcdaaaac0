import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RateLimitedLog } from './rate-limited-log.js';

describe('RateLimitedLog', () => {
  it('logs once per key per interval and reports what it suppressed', () => {
    let now = 0;
    const calls: [string, number, number][] = [];
    const limited = new RateLimitedLog<{ n: number }>(
      (key, context, suppressed) => calls.push([key, context.n, suppressed]),
      { intervalMs: 1000, now: () => now },
    );
    assert.equal(limited.log('bad_host', { n: 1 }), true);
    assert.equal(limited.log('bad_host', { n: 2 }), false);
    assert.equal(limited.log('not_finite', { n: 3 }), true);
    now = 999;
    limited.log('bad_host', { n: 4 });
    now = 1000;
    limited.log('bad_host', { n: 5 });
    assert.deepEqual(calls, [
      ['bad_host', 1, 0],
      ['not_finite', 3, 0],
      ['bad_host', 5, 2],
    ]);
  });

  it('refuses a negative interval', () => {
    assert.throws(
      () => new RateLimitedLog(() => undefined, { intervalMs: -1 }),
      {
        code: 'INVALID_OPTION',
      },
    );
  });
});
