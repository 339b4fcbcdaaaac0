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
import { GradientBoosting } from './gradient-boosting.js';

/** README's tolerance for the supervised reference models. */
const QUALITY_TOLERANCE = 0.02;

const fixtures = labelledFixtures();
const fitted = new GradientBoosting();
fitted.fit(fixtures.train, fixtures.trainLabels);

describe('GradientBoosting on the reference fixtures', () => {
  const scores = scoreMatrix(fitted, fixtures.test);
  const expected = readReference().quality.xgboost;

  it('ranks test anomalies as XGBoost does (ROC-AUC)', () => {
    const auc = rocAuc(fixtures.testLabels, scores);
    assert.ok(Math.abs(auc - expected.roc_auc) <= QUALITY_TOLERANCE, `${auc}`);
  });

  it('flags them as XGBoost does at 0.5 (F1)', () => {
    const f1 = f1Score(fixtures.testLabels, scores, fitted.threshold);
    assert.equal(fitted.threshold, 0.5);
    assert.ok(Math.abs(f1 - expected.f1) <= QUALITY_TOLERANCE, `${f1}`);
  });

  it('scores a probability: the sigmoid of the summed margins', () => {
    assert.ok(scores.every((score) => score > 0 && score < 1));
  });

  it('survives JSON text with identical scores', () => {
    const copy = GradientBoosting.fromJSON(viaText(fitted));
    assert.ok(sameScores(fitted, copy, fixtures.test));
    assert.deepEqual(copy.options, fitted.options);
  });
});

describe('GradientBoosting on separable data', () => {
  const x = matrixFromRows([[0], [1], [2], [10], [11], [12]]);
  const labels = Uint8Array.of(0, 0, 0, 1, 1, 1);

  it('learns a clean boundary with stumps', () => {
    const detector = new GradientBoosting({
      rounds: 20,
      maxDepth: 1,
      minChildWeight: 0,
    });
    detector.fit(x, labels);
    assert.ok(detector.predict(Float64Array.of(11.5)));
    assert.ok(!detector.predict(Float64Array.of(0.5)));
  });

  it('takes one Newton step per round: -G/(H+lambda) times eta', () => {
    // Round 1 from p = 0.5: each side has G = -+3 * 0.5, H = 3 * 0.25.
    const detector = new GradientBoosting({
      rounds: 1,
      maxDepth: 1,
      minChildWeight: 0,
    });
    detector.fit(x, labels);
    const margin = (1.5 / (0.75 + 1)) * 0.3;
    const expected = 1 / (1 + Math.exp(-margin));
    assert.ok(Math.abs(detector.score(Float64Array.of(12)) - expected) < 1e-12);
  });

  it('keeps a split only when its gain reaches gamma', () => {
    const detector = new GradientBoosting({ rounds: 1, gamma: 1e6 });
    detector.fit(x, labels);
    const low = detector.score(Float64Array.of(0));
    assert.equal(low, detector.score(Float64Array.of(12)));
  });
});

describe('GradientBoosting input checks', () => {
  supervisedInputChecks(() => new GradientBoosting({ rounds: 2 }));

  it('rejects options out of range', () => {
    const bad = [
      { rounds: 0 },
      { maxDepth: 0 },
      { learningRate: 0 },
      { learningRate: 1.5 },
      { lambda: -1 },
      { gamma: NaN },
      { minChildWeight: -0.5 },
      { baseScore: 1 },
    ];
    for (const options of bad) {
      assert.throws(() => new GradientBoosting(options), {
        code: 'INVALID_OPTION',
      });
    }
  });

  it('rejects JSON of another kind', () => {
    const json = { ...fitted.toJSON(), kind: 'random_forest' };
    assert.throws(() => GradientBoosting.fromJSON(json), {
      code: 'MODEL_FORMAT',
    });
  });
});
