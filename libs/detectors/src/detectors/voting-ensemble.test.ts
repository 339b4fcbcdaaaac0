import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Detector, DetectorJson } from '../core/detector.js';
import { matrixFromRows } from '../core/feature-matrix.js';
import {
  InvalidOptionError,
  ModelFormatError,
  NotFittedError,
} from '../errors.js';
import { VotingEnsemble } from './voting-ensemble.js';
import { QuantileCalibration } from './voting-ensemble-calibration.js';

const EXACT = 1e-12;

/** Scores a row by one of its columns; flags at `threshold`. */
class ColumnDetector implements Detector {
  readonly kind = 'pca_reconstruction';
  readonly featureCount = 3;
  readonly fitted = true;

  constructor(
    readonly column: number,
    public threshold: number,
  ) {}

  fit(): void {}

  score(row: Float64Array): number {
    return row[this.column];
  }

  predict(row: Float64Array): boolean {
    return this.score(row) >= this.threshold;
  }

  toJSON(): DetectorJson {
    return {
      kind: this.kind,
      version: 1,
      threshold: this.threshold,
      featureCount: 3,
      column: this.column,
    };
  }
}

function decodeColumn(json: unknown): Detector {
  const { column, threshold } = json as { column: number; threshold: number };
  return new ColumnDetector(column, threshold);
}

/** 101 training rows: column c of row r is r (c = 0), 2r (1), -r (2). */
function trainingRows() {
  return matrixFromRows(Array.from({ length: 101 }, (_, r) => [r, 2 * r, -r]));
}

describe('QuantileCalibration', () => {
  const uniform = QuantileCalibration.fit(
    Float64Array.from({ length: 101 }, (_, i) => i + 1),
  );

  it('maps scores to their share of training scores below', () => {
    assert.equal(uniform.cdf(1), 0);
    assert.equal(uniform.cdf(101), 1);
    assert.ok(Math.abs(uniform.cdf(51) - 0.5) < EXACT);
    assert.ok(Math.abs(uniform.cdf(51.5) - 0.505) < EXACT);
    assert.equal(uniform.cdf(-1e9), 0);
    assert.equal(uniform.cdf(1e9), 1);
  });

  it('gives a tie the middle of the range it spans', () => {
    const scores = Float64Array.from({ length: 101 }, (_, i) =>
      i < 96 ? 0 : i - 95,
    );
    const tied = QuantileCalibration.fit(scores);
    assert.ok(Math.abs(tied.cdf(0) - 95 / 200) < EXACT);
  });

  it('rejects a table that is not ascending', () => {
    assert.throws(
      () => QuantileCalibration.fromJSON([0, 2, 1]),
      ModelFormatError,
    );
  });
});

describe('VotingEnsemble', () => {
  const members = [
    new ColumnDetector(0, 50),
    new ColumnDetector(1, 100),
    new ColumnDetector(2, 0),
  ];
  const ensemble = new VotingEnsemble(members);
  ensemble.fit(trainingRows());

  it('flags on a strict majority of member flags', () => {
    assert.equal(ensemble.predict(Float64Array.from([60, 120, -1])), true);
    assert.equal(ensemble.predict(Float64Array.from([60, 0, -1])), false);
    assert.equal(ensemble.carries(2, 4), false);
    assert.equal(ensemble.carries(3, 4), true);
  });

  it('scores the mean calibrated member score', () => {
    const score = ensemble.score(Float64Array.from([50, 150, -100]));
    assert.ok(Math.abs(score - (0.5 + 0.75 + 0) / 3) < EXACT);
  });

  it('survives toJSON/fromJSON with identical scores', () => {
    const copy = VotingEnsemble.fromJSON(
      JSON.parse(JSON.stringify(ensemble)),
      decodeColumn,
    );
    const row = Float64Array.from([12.3, 45.6, -78.9]);
    assert.equal(copy.score(row), ensemble.score(row));
    assert.equal(copy.threshold, ensemble.threshold);
  });

  it('throws typed errors on misuse and bad JSON', () => {
    assert.throws(() => new VotingEnsemble([]), InvalidOptionError);
    assert.throws(() => new VotingEnsemble(members).toJSON(), NotFittedError);
    const json = ensemble.toJSON();
    assert.throws(
      () =>
        VotingEnsemble.fromJSON(
          { ...json, calibration: json.calibration.slice(1) },
          decodeColumn,
        ),
      ModelFormatError,
    );
    assert.throws(
      () => VotingEnsemble.fromJSON({ ...json, version: 2 }, decodeColumn),
      ModelFormatError,
    );
  });
});
