import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { matrixFromRows, rowOf } from '../core/feature-matrix.js';
import { rocAuc } from '../metrics/roc-auc.js';
import {
  readReference,
  standardisedFixtures,
} from '../test-support/reference-fixtures.js';
import {
  sameScores,
  scoreMatrix,
  viaText,
} from '../trees/test-support/score-matrix.js';
import { IsolationForest } from './isolation-forest.js';

/** Random forests differ from scikit-learn's draws: README's tolerance. */
const AUC_TOLERANCE = 0.03;

const fixtures = standardisedFixtures();
const fitted = new IsolationForest();
fitted.fit(fixtures.train);

describe('IsolationForest on the reference fixtures', () => {
  it('ranks test anomalies as scikit-learn does (ROC-AUC)', () => {
    const auc = rocAuc(fixtures.testLabels, scoreMatrix(fitted, fixtures.test));
    const expected = readReference().quality.iforest.roc_auc;
    assert.ok(Math.abs(auc - expected) <= AUC_TOLERANCE, `auc ${auc}`);
  });

  it('flags the contamination share of its training rows', () => {
    const flagged = scoreMatrix(fitted, fixtures.train).filter(
      (score) => score >= fitted.threshold,
    ).length;
    assert.equal(flagged, Math.round(fixtures.train.rows * 0.05));
  });

  it('scores in (0, 1], as 2^(-E[h]/c(psi))', () => {
    const scores = scoreMatrix(fitted, fixtures.test);
    assert.ok(scores.every((score) => score > 0 && score <= 1));
  });

  it('survives JSON text with identical scores', () => {
    const copy = IsolationForest.fromJSON(viaText(fitted));
    assert.ok(sameScores(fitted, copy, fixtures.test));
    assert.equal(copy.threshold, fitted.threshold);
    assert.equal(copy.featureCount, 7);
  });

  it('is reproducible for a seed and differs across seeds', () => {
    const again = new IsolationForest({ trees: 10 });
    const other = new IsolationForest({ trees: 10, seed: 1 });
    const same = new IsolationForest({ trees: 10 });
    [again, other, same].forEach((d) => d.fit(fixtures.train));
    assert.ok(sameScores(again, same, fixtures.test));
    assert.ok(!sameScores(again, other, fixtures.test));
  });
});

describe('IsolationForest input checks', () => {
  const small = matrixFromRows([
    [0, 1],
    [1, 0],
    [2, 2],
  ]);

  it('refuses to score before fit', () => {
    assert.throws(() => new IsolationForest().score(new Float64Array(2)), {
      code: 'NOT_FITTED',
    });
  });

  it('rejects a NaN row and a row of the wrong length', () => {
    const detector = new IsolationForest({ trees: 5 });
    detector.fit(small);
    assert.throws(() => detector.score(Float64Array.of(0, NaN)), {
      code: 'INVALID_INPUT',
    });
    assert.throws(() => detector.score(Float64Array.of(0, 1, 2)), {
      code: 'FEATURE_COUNT',
    });
  });

  it('needs two training rows', () => {
    assert.throws(() => new IsolationForest().fit(matrixFromRows([[1, 2]])), {
      code: 'INSUFFICIENT_DATA',
    });
  });

  it('rejects options out of range, naming the value', () => {
    const bad = [
      { trees: 0 },
      { sampleSize: 1 },
      { seed: -1 },
      { contamination: 0.6 },
      { contamination: 0 },
    ];
    for (const options of bad) {
      assert.throws(
        () => new IsolationForest(options),
        (err: unknown) => {
          const value = String(Object.values(options)[0]);
          return (
            err instanceof Error &&
            (err as { code?: string }).code === 'INVALID_OPTION' &&
            err.message.includes(value)
          );
        },
      );
    }
  });

  it('rejects JSON of another kind or version', () => {
    const detector = new IsolationForest({ trees: 3 });
    detector.fit(small);
    const json = detector.toJSON();
    for (const wrong of [
      { ...json, kind: 'random_forest' },
      { ...json, version: 2 },
      { ...json, forest: null },
      { ...json, options: { trees: -1 } },
      null,
    ]) {
      assert.throws(() => IsolationForest.fromJSON(wrong), {
        code: 'MODEL_FORMAT',
      });
    }
  });

  it('draws at most the rows it has for each tree', () => {
    const detector = new IsolationForest({ trees: 3 });
    detector.fit(small);
    assert.equal(detector.toJSON().sampleSize, 3);
    assert.ok(Number.isFinite(detector.score(rowOf(small, 0))));
  });
});
