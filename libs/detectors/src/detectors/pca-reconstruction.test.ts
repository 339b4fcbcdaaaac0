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
  readReference,
  readVector,
  standardisedFixtures,
} from '../test-support/reference-fixtures.js';
import {
  sameScores,
  scoreMatrix,
  viaText,
} from '../trees/test-support/score-matrix.js';
import { MIN_PCA_THRESHOLD, PcaReconstruction } from './pca-reconstruction.js';

/**
 * The fixtures README's tolerance. scikit-learn computed
 * ref_pca3_sq_error.txt on the unrounded data, so the known answer is
 * checked on the full-precision rows (test-data/reference-full-precision);
 * the published CSV's rounding alone moves errors by up to 1e-4 x √ref.
 */
const RELATIVE_TOLERANCE = 1e-6;
const RATIO_TOLERANCE = 1e-6;

const fixtures = standardisedFixtures('full');
const fitted = new PcaReconstruction();
fitted.fit(fixtures.train);

describe('PcaReconstruction on the reference fixtures', () => {
  it('reproduces scikit-learn squared reconstruction error, 3 components', () => {
    const expected = readVector('ref_pca3_sq_error.txt');
    scoreMatrix(fitted, fixtures.test).forEach((score, r) => {
      const bound = RELATIVE_TOLERANCE * expected[r];
      assert.ok(
        Math.abs(score - expected[r]) <= bound,
        `row ${r}: ${score} vs ${expected[r]}`,
      );
    });
  });

  it('explains the variance scikit-learn reports', () => {
    const expected = readReference().pca_explained_variance_ratio;
    fitted.explainedVarianceRatio.forEach((ratio, k) => {
      assert.ok(Math.abs(ratio - expected[k]) <= RATIO_TOLERANCE);
    });
  });

  it('sets the threshold so 5 % of training rows score above it', () => {
    const above = scoreMatrix(fitted, fixtures.train).filter(
      (score) => score > fitted.threshold,
    ).length;
    assert.ok(Math.abs(above - 0.05 * fixtures.train.rows) <= 1, `${above}`);
  });

  it('keeps the fewest components reaching a variance fraction', () => {
    const pca = new PcaReconstruction({ varianceFraction: 0.8 });
    pca.fit(fixtures.train);
    // 0.454 + 0.308 = 0.762 < 0.8 <= 0.862 with the third component.
    assert.equal(pca.explainedVarianceRatio.length, 3);
    assert.ok(sameScores(pca, fitted, fixtures.test));
  });

  it('survives JSON text with identical scores', () => {
    const copy = PcaReconstruction.fromJSON(viaText(fitted));
    assert.ok(sameScores(fitted, copy, fixtures.test));
    assert.equal(copy.threshold, fitted.threshold);
  });
});

describe('PcaReconstruction by hand', () => {
  it('scores the squared distance from the fitted line', () => {
    const pca = new PcaReconstruction({ components: 1 });
    pca.fit(
      matrixFromRows([
        [-2, -2],
        [-1, -1],
        [1, 1],
        [2, 2],
      ]),
    );
    // The line y = x through the origin: (1, -1) is √2 away, squared 2.
    assert.ok(Math.abs(pca.score(Float64Array.of(1, -1)) - 2) < 1e-12);
    assert.ok(Math.abs(pca.score(Float64Array.of(5, 5))) < 1e-12);
  });
});

describe('PcaReconstruction contract', () => {
  it('names a bad option and its range', () => {
    for (const bad of [
      { components: 0 },
      { varianceFraction: 1.5 },
      { contamination: 0.9 },
      { components: 2, varianceFraction: 0.9 },
    ]) {
      assert.throws(
        () => new PcaReconstruction(bad),
        (err: unknown) =>
          err instanceof InvalidOptionError && /expected/.test(err.message),
      );
    }
  });

  it('needs more features and rows than components', () => {
    const pca = new PcaReconstruction({ components: 3 });
    assert.throws(
      () =>
        pca.fit(
          matrixFromRows([
            [1, 2],
            [3, 4],
            [5, 7],
          ]),
        ),
      InsufficientDataError,
    );
  });

  it('keeps its threshold above rounding noise when it spans every moving feature', () => {
    // Two moving features and two components: every training row is
    // reconstructed exactly, so training errors are rounding noise.
    const rows = Array.from({ length: 200 }, (_, i) => [
      Math.sin(i / 7),
      Math.cos(i / 5) * 3,
      0,
    ]);
    const pca = new PcaReconstruction({ components: 2 });
    pca.fit(matrixFromRows(rows));
    assert.equal(pca.threshold, MIN_PCA_THRESHOLD);
    const moved = Float64Array.of(0.3, -1.1, 0);
    assert.equal(pca.predict(moved), false);
    // Leaving the subspace (the still feature moves) is flagged.
    assert.equal(pca.predict(Float64Array.of(0.3, -1.1, 0.5)), true);
  });

  it('refuses to score before fit or with the wrong feature count', () => {
    const pca = new PcaReconstruction();
    assert.throws(() => pca.score(Float64Array.of(1)), NotFittedError);
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
      { ...json, kind: 'local_outlier_factor' },
      { ...json, version: 0 },
      { ...json, axes: [1] },
      { ...json, options: { components: -1 } },
    ]) {
      assert.throws(() => PcaReconstruction.fromJSON(bad), ModelFormatError);
    }
  });
});
