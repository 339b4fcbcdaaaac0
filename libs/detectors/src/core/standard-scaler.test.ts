import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  FeatureCountError,
  InsufficientDataError,
  ModelFormatError,
  NotFittedError,
} from '../errors.js';
import {
  readReference,
  readTable,
} from '../test-support/reference-fixtures.js';
import { matrixFromRows } from './feature-matrix.js';
import { StandardScaler } from './standard-scaler.js';

/**
 * The reference scaler saw the data before the CSV rounded it to four
 * decimals, so means and stds can differ by half a unit in that place.
 */
const CSV_ROUNDING = 5e-5;
/** Arithmetic on values made by hand. */
const EXACT = 1e-12;

function assertClose(actual: number, expected: number, tolerance = EXACT) {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${actual} vs ${expected}`,
  );
}

describe('StandardScaler', () => {
  it('matches scikit-learn mean and population std on normal_training.csv', () => {
    const { scaler: expected } = readReference();
    const scaler = new StandardScaler().fit(
      readTable('normal_training.csv').matrix,
    );
    scaler.mean.forEach((m, c) => {
      assertClose(m, expected.mean[c], CSV_ROUNDING);
    });
    scaler.scale.forEach((s, c) => {
      assertClose(s, expected.std[c], CSV_ROUNDING);
    });
  });

  it('gives a constant feature scale 1, so its z-score is its offset', () => {
    const scaler = new StandardScaler().fit(
      matrixFromRows([
        [0.1, 1],
        [0.1, 3],
        [0.1, 5],
      ]),
    );
    assert.deepEqual([...scaler.scale], [1, Math.sqrt(8 / 3)]);
    const out = scaler.transformRow([2.1, 3], new Float64Array(2));
    assertClose(out[0], 2);
    assert.equal(out[1], 0);
  });

  it('transforms a matrix row by row into the given buffer', () => {
    const scaler = StandardScaler.fromParameters([1, 10], [2, 5]);
    const out = new Float64Array(2);
    assert.equal(scaler.transformRow([3, 0], out), out);
    assert.deepEqual([...out], [1, -2]);
    const matrix = scaler.transform(
      matrixFromRows([
        [3, 0],
        [1, 10],
      ]),
    );
    assert.deepEqual([...matrix.data], [1, -2, 0, 0]);
  });

  it('round-trips through JSON', () => {
    const scaler = StandardScaler.fromParameters([1, 2], [3, 4]);
    const copy = StandardScaler.fromJSON(
      JSON.parse(JSON.stringify(scaler)) as unknown,
    );
    assert.deepEqual(copy.toJSON(), scaler.toJSON());
  });

  it('rejects JSON of another kind or version', () => {
    const json = StandardScaler.fromParameters([1], [1]).toJSON();
    for (const bad of [
      { ...json, kind: 'pca_reconstruction' },
      { ...json, version: 99 },
      { ...json, scale: [] },
      null,
    ]) {
      assert.throws(() => StandardScaler.fromJSON(bad), ModelFormatError);
    }
  });

  it('refuses empty data, unfitted use and a wrong feature count', () => {
    assert.throws(
      () => new StandardScaler().fit(matrixFromRows([])),
      InsufficientDataError,
    );
    assert.throws(
      () => new StandardScaler().transform(matrixFromRows([[1]])),
      NotFittedError,
    );
    assert.throws(
      () =>
        StandardScaler.fromParameters([0], [1]).transform(
          matrixFromRows([[1, 2]]),
        ),
      FeatureCountError,
    );
  });
});
