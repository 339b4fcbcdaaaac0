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
import { rocAuc } from '../metrics/roc-auc.js';
import { spearmanCorrelation } from '../metrics/spearman.js';
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
import { OneClassSvm } from './one-class-svm.js';

/** Same optimum as scikit-learn (shared/fixtures/README.md). */
const MIN_SPEARMAN = 0.999;
const AUC_TOLERANCE = 0.005;
/** Rounding in the CSV may move a vector on or off the margin. */
const SUPPORT_VECTOR_TOLERANCE = 5;
/**
 * libsvm stops at tolerance 1e-3, so the nu bound on training rows left
 * outside holds to within a few rows: scikit-learn leaves 152 of 3000.
 */
const NU_SLACK_ROWS = 6;

const reference = readReference();
const fixtures = standardisedFixtures();
const listenersBefore = process.listeners('unhandledRejection');
const fitted = new OneClassSvm();
fitted.fit(fixtures.train);
const listenersAfter = process.listeners('unhandledRejection');

describe('OneClassSvm on the reference fixtures', () => {
  const scores = scoreMatrix(fitted, fixtures.test);

  it('ranks test rows as scikit-learn (nu 0.05, gamma 1/7)', () => {
    const expected = readVector('ref_ocsvm_nu005_gamma1overd.txt');
    const rho = spearmanCorrelation(scores, expected);
    assert.ok(rho >= MIN_SPEARMAN, `spearman ${rho}`);
    const auc = rocAuc(fixtures.testLabels, scores);
    const expectedAuc = reference.quality.ocsvm.roc_auc;
    assert.ok(Math.abs(auc - expectedAuc) <= AUC_TOLERANCE, `auc ${auc}`);
  });

  it('keeps about as many support vectors as scikit-learn', () => {
    const count = fitted.supportVectorCount;
    const expected = reference.ocsvm_support_vectors;
    assert.ok(
      Math.abs(count - expected) <= SUPPORT_VECTOR_TOLERANCE,
      `${count} support vectors`,
    );
  });

  it('keeps the nu property: at most 5 % of training rows outside', () => {
    const outside = scoreMatrix(fitted, fixtures.train).filter(
      (score) => score > 0,
    ).length;
    assert.ok(
      outside <= 0.05 * fixtures.train.rows + NU_SLACK_ROWS,
      `${outside} outside`,
    );
    assert.ok(fitted.supportVectorCount >= 0.05 * fixtures.train.rows);
  });

  it('uses gamma 1 / features and threshold 0 by default', () => {
    const json = fitted.toJSON();
    assert.equal(json.gamma, 1 / 7);
    assert.equal(fitted.threshold, 0);
  });

  it('survives JSON text with identical scores', () => {
    const copy = OneClassSvm.fromJSON(viaText(fitted));
    assert.ok(sameScores(fitted, copy, fixtures.test));
  });

  it('leaves no process-wide handler behind after loading libsvm', () => {
    assert.deepEqual(listenersAfter, listenersBefore);
  });
});

describe('OneClassSvm decision function', () => {
  it('scores rho - sum of coefficient x RBF kernel', () => {
    const svm = OneClassSvm.fromJSON({
      kind: 'one_class_svm',
      version: 1,
      threshold: 0,
      featureCount: 2,
      options: { nu: 0.5, gamma: 0.5, tolerance: 0.001 },
      gamma: 0.5,
      rho: 0.75,
      supportVectors: 2,
      coefficients: [1, 0.5],
      vectors: [0, 0, 1, 1],
    });
    const expected = 0.75 - Math.exp(-0.5 * 2) - 0.5 * Math.exp(0);
    assert.ok(Math.abs(svm.score(Float64Array.of(1, 1)) - expected) < 1e-15);
    assert.equal(svm.predict(Float64Array.of(1, 1)), false);
    assert.equal(svm.predict(Float64Array.of(9, 9)), true);
  });
});

describe('OneClassSvm contract', () => {
  it('names a bad option and its range', () => {
    for (const bad of [{ nu: 0 }, { nu: 1.5 }, { gamma: -1 }]) {
      assert.throws(
        () => new OneClassSvm(bad),
        (err: unknown) =>
          err instanceof InvalidOptionError && /expected/.test(err.message),
      );
    }
  });

  it('needs at least two rows', () => {
    assert.throws(
      () => new OneClassSvm().fit(matrixFromRows([[1, 2]])),
      InsufficientDataError,
    );
  });

  it('refuses to score before fit or with the wrong feature count', () => {
    assert.throws(
      () => new OneClassSvm().score(Float64Array.of(1)),
      NotFittedError,
    );
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
      { ...json, kind: 'pca_reconstruction' },
      { ...json, version: 3 },
      { ...json, coefficients: [1] },
      { ...json, rho: 'x' },
      { ...json, options: { nu: 2 } },
    ]) {
      assert.throws(() => OneClassSvm.fromJSON(bad), ModelFormatError);
    }
  });
});
