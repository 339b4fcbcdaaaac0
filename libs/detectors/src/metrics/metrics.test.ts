import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { InvalidInputError } from '../errors.js';
import {
  readReference,
  readTable,
  readVector,
} from '../test-support/reference-fixtures.js';
import { averagePrecision } from './average-precision.js';
import { classificationReport } from './classification-report.js';
import { rocAuc } from './roc-auc.js';
import { averageRanks, spearmanCorrelation } from './spearman.js';
import { f1Score, precision, recall } from './threshold-metrics.js';

/** Agreement with scikit-learn 1.2.1 (shared/fixtures/README.md). */
const TOLERANCE = 1e-9;

function assertClose(actual: number, expected: number): void {
  assert.ok(
    Math.abs(actual - expected) <= TOLERANCE,
    `${actual} vs ${expected}`,
  );
}

const labelsOf = (values: number[]) => Uint8Array.from(values);

describe('classificationReport', () => {
  it('reproduces scikit-learn on ref_metric_scores.txt', () => {
    const expected = readReference().metric_check;
    const { labels } = readTable('labeled_test.csv');
    const scores = readVector(expected.scores_file);
    const report = classificationReport(labels, scores, expected.threshold);
    assertClose(report.rocAuc, expected.roc_auc);
    assertClose(report.averagePrecision, expected.average_precision);
    assertClose(report.f1, expected.f1);
    assertClose(report.precision, expected.precision);
    assertClose(report.recall, expected.recall);
  });
});

describe('rocAuc', () => {
  it('counts a tie between classes as half right', () => {
    // sklearn: roc_auc_score([0, 1, 0, 1], [0.1, 0.5, 0.5, 0.9]) == 0.875
    assertClose(rocAuc(labelsOf([0, 1, 0, 1]), [0.1, 0.5, 0.5, 0.9]), 0.875);
  });

  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    assert.equal(rocAuc(labelsOf([0, 0, 1]), [1, 2, 3]), 1);
    assert.equal(rocAuc(labelsOf([0, 0, 1]), [3, 2, 1]), 0);
  });

  it('refuses labels of one class', () => {
    assert.throws(() => rocAuc(labelsOf([1, 1]), [1, 2]), InvalidInputError);
  });
});

describe('averagePrecision', () => {
  it('is the step sum, not the interpolated area', () => {
    // sklearn: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    // == 0.8333333333333333 (the trapezoid would give 0.7916...)
    assertClose(
      averagePrecision(labelsOf([0, 0, 1, 1]), [0.1, 0.4, 0.35, 0.8]),
      0.8333333333333333,
    );
  });

  it('takes tied scores as one threshold', () => {
    // sklearn: average_precision_score([1, 0, 1], [0.5, 0.5, 0.2]) == 0.5833...
    assertClose(averagePrecision(labelsOf([1, 0, 1]), [0.5, 0.5, 0.2]), 7 / 12);
  });
});

describe('precision, recall and f1Score', () => {
  const labels = labelsOf([1, 1, 0, 0, 1]);
  const scores = [0.9, 0.2, 0.7, 0.1, 0.5];

  it('flag scores at or above the threshold', () => {
    assertClose(precision(labels, scores, 0.5), 2 / 3);
    assertClose(recall(labels, scores, 0.5), 2 / 3);
    assertClose(f1Score(labels, scores, 0.5), 2 / 3);
  });

  it('give 0 when nothing is flagged, as scikit-learn', () => {
    assert.equal(precision(labels, scores, 2), 0);
    assert.equal(f1Score(labels, scores, 2), 0);
  });

  it('refuse a length mismatch and non-finite scores', () => {
    assert.throws(() => recall(labels, [1], 0.5), InvalidInputError);
    assert.throws(
      () => rocAuc(labelsOf([0, 1]), [0, Number.NaN]),
      InvalidInputError,
    );
  });
});

describe('spearmanCorrelation', () => {
  it('is 1 for any increasing relation and -1 for a decreasing one', () => {
    assert.equal(spearmanCorrelation([1, 2, 3, 4], [1, 8, 27, 64]), 1);
    assert.equal(spearmanCorrelation([1, 2, 3], [3, 2, 1]), -1);
  });

  it('gives tied values their average rank, as scipy', () => {
    // scipy.stats.spearmanr([1, 2, 2, 3], [1, 3, 2, 4]) == 0.9486832980505138
    assertClose(
      spearmanCorrelation([1, 2, 2, 3], [1, 3, 2, 4]),
      0.9486832980505138,
    );
    assert.deepEqual([...averageRanks([5, 1, 5, 3])], [3.5, 1, 3.5, 2]);
  });
});
