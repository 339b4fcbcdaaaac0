import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Random } from '../core/random.js';
import { InvalidInputError, InvalidOptionError } from '../errors.js';
import { WindowedFeatures } from './windowed-features.js';

/** Running sums against a direct recomputation. */
const TOLERANCE = 1e-9;
const STEP_MS = 5 * 60 * 1000;

function series(n: number): number[] {
  const random = new Random(7);
  return Array.from({ length: n }, (_, i) => 500 + i * 0.3 + random.next());
}

function naiveWindow(past: readonly number[], value: number, w: number) {
  const xs = past.slice(-w);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
  const std = Math.sqrt(variance);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const mid = (lo + hi) / 2;
  return [mean, std, (value - mean) / std, (value - mid) / ((hi - lo) / 2)];
}

function close(actual: number, expected: number, what: string): void {
  const gap = Math.abs(actual - expected);
  assert.ok(gap <= TOLERANCE * Math.max(1, Math.abs(expected)), what);
}

describe('WindowedFeatures', () => {
  it('matches a direct computation over the previous rows only', () => {
    const stage = new WindowedFeatures({ windows: [5, 20], lags: [1, 3] });
    const values = series(200);
    values.forEach((value, t) => {
      const row = stage.push(value, t * STEP_MS);
      if (t < 20) return;
      const past = values.slice(0, t);
      const expected = [
        value,
        value - values[t - 1],
        value - values[t - 3],
        ...naiveWindow(past, value, 5),
        ...naiveWindow(past, value, 20),
      ];
      expected.forEach((x, i) => close(row[i], x, `${stage.names[i]} @${t}`));
    });
  });

  it('names every feature in vector order', () => {
    const stage = new WindowedFeatures({
      windows: [4],
      lags: [2],
      dayOfWeek: true,
    });
    assert.deepEqual(stage.names, [
      'value',
      'diff_2',
      'mean_4',
      'std_4',
      'z_4',
      'range_4',
      'time_of_day_sin',
      'time_of_day_cos',
      'day_of_week_sin',
      'day_of_week_cos',
    ]);
    assert.equal(stage.push(1, 0).length, stage.size);
  });

  it('places noon at the bottom of the time-of-day circle', () => {
    const stage = new WindowedFeatures({ windows: [2], lags: [1] });
    const row = stage.push(1, Date.UTC(2014, 0, 1, 12));
    close(row[stage.names.indexOf('time_of_day_cos')], -1, 'cos');
  });

  it('keeps a flat stream at z 0 and a step off it finite', () => {
    const stage = new WindowedFeatures({ windows: [10], lags: [1] });
    for (let t = 0; t < 30; t++) stage.push(3, t * STEP_MS);
    const z = stage.names.indexOf('z_10');
    assert.equal(stage.push(3, 30 * STEP_MS)[z], 0);
    const step = stage.push(4, 31 * STEP_MS)[z];
    assert.ok(Number.isFinite(step) && step > 100);
  });

  it('forgets the past on reset', () => {
    const stage = new WindowedFeatures({ windows: [3], lags: [1] });
    const first = Array.from(stage.push(10, 0));
    stage.push(50, STEP_MS);
    stage.reset();
    assert.deepEqual(Array.from(stage.push(10, 0)), first);
  });

  it('rejects bad options and non-finite input by class', () => {
    assert.throws(
      () => new WindowedFeatures({ windows: [1] }),
      InvalidOptionError,
    );
    assert.throws(
      () => new WindowedFeatures({ lags: [2, 2] }),
      InvalidOptionError,
    );
    const stage = new WindowedFeatures();
    assert.throws(() => stage.push(Number.NaN, 0), InvalidInputError);
  });
});
