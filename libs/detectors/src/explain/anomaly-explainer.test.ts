import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { FeatureCountError, InvalidOptionError } from '../errors.js';
import { FEATURE_ORDER } from '../features/feature-order.js';
import { AnomalyExplainer } from './anomaly-explainer.js';

describe('AnomalyExplainer', () => {
  const explainer = new AnomalyExplainer(FEATURE_ORDER);

  it('reports the three largest |z|, largest first, with raw values', () => {
    const z = [0.5, -4, 1, 2.5, 0, -0.1, 3];
    const raw = [10, 20, 30, 40, 50, 60, 70];
    assert.deepEqual(explainer.explain(z, raw), [
      { feature: 'cpu_freq', value: 20, z: -4 },
      { feature: 'gpu_temp', value: 70, z: 3 },
      { feature: 'cpu_temp', value: 40, z: 2.5 },
    ]);
  });

  it('keeps feature order on ties', () => {
    const result = explainer.explain(
      [1, -1, 1, 0, 1, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
    );
    assert.deepEqual(
      result.map((r) => r.feature),
      ['cpu_percent', 'cpu_freq', 'cpu_memory'],
    );
  });

  it('refills the same result objects instead of allocating', () => {
    const first = explainer.explain([9, 0, 0, 0, 0, 0, 0], new Float64Array(7));
    const entry = first[0];
    const second = explainer.explain(
      [0, 0, 0, 0, 0, 0, 9],
      new Float64Array(7),
    );
    assert.equal(second, first);
    assert.equal(second[0], entry);
    assert.equal(entry.feature, 'gpu_temp');
  });

  it('reports every feature when there are fewer than top', () => {
    const small = new AnomalyExplainer(['a', 'b']);
    assert.deepEqual(
      small.explain([1, -2], [5, 6]).map((r) => r.feature),
      ['b', 'a'],
    );
  });

  it('refuses a bad option and a row of the wrong length', () => {
    assert.throws(
      () => new AnomalyExplainer(['a'], { top: 0 }),
      InvalidOptionError,
    );
    assert.throws(() => new AnomalyExplainer([]), InvalidOptionError);
    assert.throws(() => explainer.explain([1], [1]), FeatureCountError);
  });
});

describe('AnomalyExplainer ranking', () => {
  it('agrees with a full sort on random rows', () => {
    const names = Array.from({ length: 12 }, (_, i) => `f${i}`);
    const explainer = new AnomalyExplainer(names, { top: 4 });
    let seed = 7;
    const next = () =>
      ((seed = (seed * 16807) % 2147483647) / 2147483647) * 8 - 4;
    for (let trial = 0; trial < 200; trial++) {
      const z = names.map(() => Math.round(next()));
      const expected = names
        .map((feature, c) => ({ feature, c, size: Math.abs(z[c]) }))
        .sort((a, b) => b.size - a.size || a.c - b.c)
        .slice(0, 4)
        .map((r) => r.feature);
      const got = explainer.explain(z, z).map((r) => r.feature);
      assert.deepEqual(got, expected);
    }
  });
});
