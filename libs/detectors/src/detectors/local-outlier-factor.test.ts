import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { matrixFromRows } from '../core/feature-matrix.js';
import {
  FeatureCountError,
  InsufficientDataError,
  InvalidInputError,
  InvalidOptionError,
  ModelFormatError,
  NotFittedError,
} from '../errors.js';
import {
  readVector,
  standardisedFixtures,
} from '../test-support/reference-fixtures.js';
import {
  sameScores,
  scoreMatrix,
  viaText,
} from '../trees/test-support/score-matrix.js';
import { LocalOutlierFactor } from './local-outlier-factor.js';

/**
 * The fixtures README's tolerance. scikit-learn computed ref_lof_k20.txt on
 * the unrounded data, so the known answer is checked on the full-precision
 * rows (test-data/reference-full-precision); the published, rounded CSV
 * moves z-scores by up to 1.5e-5, more than this tolerance allows.
 */
const RELATIVE_TOLERANCE = 1e-6;

const fixtures = standardisedFixtures('full');
const fitted = new LocalOutlierFactor();
fitted.fit(fixtures.train);

describe('LocalOutlierFactor on the reference fixtures', () => {
  it('reproduces scikit-learn novelty LOF with k = 20', () => {
    const expected = readVector('ref_lof_k20.txt');
    const scores = scoreMatrix(fitted, fixtures.test);
    let worst = 0;
    scores.forEach((score, r) => {
      const error = Math.abs(score - expected[r]) / expected[r];
      worst = Math.max(worst, error);
    });
    assert.ok(worst <= RELATIVE_TOLERANCE, `worst relative error ${worst}`);
  });

  it('defaults to k 20 and threshold 1.5', () => {
    assert.equal(fitted.options.k, 20);
    assert.equal(fitted.threshold, 1.5);
    assert.equal(fitted.featureCount, 7);
  });

  it('survives JSON text with identical scores', () => {
    const copy = LocalOutlierFactor.fromJSON(viaText(fitted));
    assert.ok(sameScores(fitted, copy, fixtures.test));
    assert.equal(copy.threshold, fitted.threshold);
  });
});

describe('LocalOutlierFactor by hand', () => {
  // Four points on a line at 0, 1, 2, 3 and k = 2.
  const line = matrixFromRows([[0], [1], [2], [3]]);

  it('scores a point inside the data near 1 and a far one high', () => {
    const lof = new LocalOutlierFactor({ k: 2 });
    lof.fit(line);
    // k-distances 2, 1, 1, 2, so every training density is 1 / 1.5; a
    // query at 1.5 reaches 1 and 2 at max(0.5, 1) = 1, density 1: LOF 2/3.
    const inside = lof.score(Float64Array.of(1.5));
    assert.ok(Math.abs(inside - 1 / 1.5) < 1e-9, `inside ${inside}`);
    assert.ok(lof.score(Float64Array.of(30)) > 10);
    assert.equal(lof.predict(Float64Array.of(30)), true);
  });

  it('keeps a duplicate point from being its own neighbour', () => {
    const lof = new LocalOutlierFactor({ k: 1 });
    lof.fit(matrixFromRows([[0], [0], [5]]));
    // Each 0 has the other 0 at distance 0: density 1e10, LOF of 0 is 1.
    assert.ok(Math.abs(lof.score(Float64Array.of(0)) - 1) < 1e-9);
  });
});

describe('LocalOutlierFactor contract', () => {
  it('names a bad option and its range', () => {
    assert.throws(
      () => new LocalOutlierFactor({ k: 0 }),
      (err: unknown) =>
        err instanceof InvalidOptionError &&
        /k 0 .*\[1, 1000\]/.test(err.message),
    );
    assert.throws(
      () => new LocalOutlierFactor({ threshold: Number.NaN }),
      InvalidOptionError,
    );
  });

  it('needs more rows than k', () => {
    const lof = new LocalOutlierFactor({ k: 3 });
    assert.throws(
      () => lof.fit(matrixFromRows([[1], [2], [3]])),
      InsufficientDataError,
    );
  });

  it('refuses to score before fit or with the wrong feature count', () => {
    const lof = new LocalOutlierFactor();
    assert.throws(() => lof.score(Float64Array.of(1)), NotFittedError);
    assert.throws(() => lof.toJSON(), NotFittedError);
    assert.throws(() => fitted.score(Float64Array.of(1)), FeatureCountError);
  });

  it('refuses NaN and infinite values', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      const row = Float64Array.of(0, 0, bad, 0, 0, 0, 0);
      assert.throws(() => fitted.score(row), InvalidInputError);
    }
  });

  it('rejects JSON of another kind, version or shape', () => {
    const json = viaText(fitted) as Record<string, unknown>;
    for (const bad of [
      { ...json, kind: 'one_class_svm' },
      { ...json, version: 2 },
      { ...json, densities: [1, 2] },
      { ...json, k: 5000 },
    ]) {
      assert.throws(() => LocalOutlierFactor.fromJSON(bad), ModelFormatError);
    }
  });
});
