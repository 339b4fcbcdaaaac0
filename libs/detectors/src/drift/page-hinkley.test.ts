import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { InvalidOptionError } from '../errors.js';
import {
  readReference,
  readVector,
} from '../test-support/reference-fixtures.js';
import { PageHinkley } from './page-hinkley.js';

/** Stream indices at which the test raised an alarm, with the direction. */
function alarms(test: PageHinkley, stream: Float64Array) {
  const found: [number, string | null][] = [];
  stream.forEach((x, i) => {
    if (test.update(x)) found.push([i, test.lastAlarm]);
  });
  return found;
}

describe('PageHinkley', () => {
  const { page_hinkley: ref } = readReference();
  const stream = readVector('ph_stream.txt');
  const options = {
    delta: ref.delta,
    threshold: ref.lambda,
    minInstances: ref.min_instances,
  };

  it('alarms exactly where the reference upward test does', () => {
    const found = alarms(
      new PageHinkley({ ...options, direction: 'up' }),
      stream,
    );
    assert.deepEqual(
      found.map(([i]) => i),
      ref.alarms_at,
    );
  });

  it('two-sided, also catches the fall back after index 1000', () => {
    const found = alarms(
      new PageHinkley({ ...options, direction: 'both' }),
      stream,
    );
    assert.deepEqual(found[0], [ref.alarms_at[0], 'up']);
    assert.equal(found.length, 2);
    assert.equal(found[1][1], 'down');
    assert.ok(found[1][0] > 1000, `down alarm at ${found[1][0]}`);
  });

  it('downward only, ignores the rise', () => {
    const found = alarms(
      new PageHinkley({ ...options, direction: 'down' }),
      stream,
    );
    assert.ok(found.length > 0);
    assert.ok(found.every(([i, dir]) => i > 1000 && dir === 'down'));
  });

  it('stays silent before minInstances and exposes the statistic', () => {
    const test = new PageHinkley({ threshold: 1, minInstances: 10 });
    for (let i = 0; i < 9; i++) assert.equal(test.update(i * 10), false);
    assert.ok(test.statistic > 1);
    assert.equal(test.update(100), true);
    assert.equal(test.instances, 0);
  });

  it('names the bad option and the expected range', () => {
    for (const bad of [
      { delta: -1 },
      { threshold: 0 },
      { minInstances: 0.5 },
      { direction: 'sideways' as 'up' },
    ]) {
      assert.throws(
        () => new PageHinkley(bad),
        (err: unknown) =>
          err instanceof InvalidOptionError && /expected/.test(err.message),
      );
    }
  });
});
