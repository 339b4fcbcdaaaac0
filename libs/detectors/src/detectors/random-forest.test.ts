import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { matrixFromRows } from '../core/feature-matrix.js';
import { rocAuc } from '../metrics/roc-auc.js';
import { f1Score } from '../metrics/threshold-metrics.js';
import { readReference } from '../test-support/reference-fixtures.js';
import { labelledFixtures } from '../trees/test-support/labelled-fixtures.js';
import { supervisedInputChecks } from '../trees/test-support/supervised-input-checks.js';
import {
  sameScores,
  scoreMatrix,
  viaText,
} from '../trees/test-support/score-matrix.js';
import { RandomForest } from './random-forest.js';

/** README's tolerance for the supervised reference models. */
const QUALITY_TOLERANCE = 0.02;

const fixtures = labelledFixtures();
const fitted = new RandomForest();
fitted.fit(fixtures.train, fixtures.trainLabels);

describe('RandomForest on the reference fixtures', () => {
  const scores = scoreMatrix(fitted, fixtures.test);
  const expected = readReference().quality.random_forest;

  it('ranks test anomalies as scikit-learn does (ROC-AUC)', () => {
    const auc = rocAuc(fixtures.testLabels, scores);
    assert.ok(Math.abs(auc - expected.roc_auc) <= QUALITY_TOLERANCE, `${auc}`);
  });

  it('flags them as scikit-learn does at 0.5 (F1)', () => {
    const f1 = f1Score(fixtures.testLabels, scores, fitted.threshold);
    assert.equal(fitted.threshold, 0.5);
    assert.ok(Math.abs(f1 - expected.f1) <= QUALITY_TOLERANCE, `${f1}`);
  });

  it('scores a probability: the mean of the trees leaf fractions', () => {
    assert.ok(scores.every((score) => score >= 0 && score <= 1));
  });

  it('survives JSON text with identical scores', () => {
    const copy = RandomForest.fromJSON(viaText(fitted));
    assert.ok(sameScores(fitted, copy, fixtures.test));
    assert.deepEqual(copy.options, fitted.options);
  });
});

describe('RandomForest on separable data', () => {
  const x = matrixFromRows([[0], [1], [2], [10], [11], [12]]);
  const labels = Uint8Array.of(0, 0, 0, 1, 1, 1);

  it('learns a clean boundary and honours maxDepth', () => {
    const detector = new RandomForest({ trees: 20, maxDepth: 1 });
    detector.fit(x, labels);
    assert.ok(detector.predict(Float64Array.of(11.5)));
    assert.ok(!detector.predict(Float64Array.of(0.5)));
    const forest = detector.toJSON().forest as { feature: number[] };
    assert.ok(forest.feature.length <= 20 * 3, 'stumps: at most 3 nodes each');
  });

  it('is reproducible for a seed', () => {
    const a = new RandomForest({ trees: 5, seed: 7 });
    const b = new RandomForest({ trees: 5, seed: 7 });
    a.fit(fixtures.train, fixtures.trainLabels);
    b.fit(fixtures.train, fixtures.trainLabels);
    assert.ok(sameScores(a, b, fixtures.test));
  });
});

describe('RandomForest input checks', () => {
  supervisedInputChecks(() => new RandomForest({ trees: 2 }));

  it('rejects options out of range', () => {
    const bad = [
      { trees: 0 },
      { maxDepth: 0 },
      { minSamplesSplit: 1 },
      { minSamplesLeaf: 0 },
      { maxFeatures: 0 },
      { maxFeatures: 'log2' as 'sqrt' },
      { seed: 1.5 },
    ];
    for (const options of bad) {
      assert.throws(() => new RandomForest(options), {
        code: 'INVALID_OPTION',
      });
    }
  });

  it('rejects JSON of another kind', () => {
    const json = { ...fitted.toJSON(), kind: 'xgboost' };
    assert.throws(() => RandomForest.fromJSON(json), { code: 'MODEL_FORMAT' });
  });
});
