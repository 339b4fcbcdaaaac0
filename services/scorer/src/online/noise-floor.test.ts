import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dataset } from '@hostwatch/detectors';
import { withNoiseFloor } from './noise-floor.js';

/** Relative tolerance on a sample standard deviation of 2000 draws. */
const STD_TOLERANCE = 0.1;
const ROWS = 2000;

/** Columns: a flat one, a wide one, one with a gap, one all missing. */
function quietHost(): Dataset {
  const values = new Float64Array(ROWS * 4);
  for (let r = 0; r < ROWS; r++) {
    values[r * 4] = 20 + (r % 2) * 0.02;
    values[r * 4 + 1] = r % 2 === 0 ? 0 : 40;
    values[r * 4 + 2] = r === 0 ? Number.NaN : 50;
    values[r * 4 + 3] = Number.NaN;
  }
  return { features: ['a', 'b', 'c', 'd'], rows: ROWS, values };
}

function column(data: Dataset, col: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < data.rows; r++) out.push(data.values[r * 4 + col]);
  return out;
}

function std(values: readonly number[]): number {
  const present = values.filter((v) => !Number.isNaN(v));
  const mean = present.reduce((s, v) => s + v, 0) / present.length;
  const variance =
    present.reduce((s, v) => s + (v - mean) ** 2, 0) / present.length;
  return Math.sqrt(variance);
}

describe('withNoiseFloor', () => {
  const floors = { a: 1, b: 1, c: 2, d: 1 };

  it('lifts a near-constant feature to its floor and keeps its mean', () => {
    const lifted = column(withNoiseFloor(quietHost(), floors, 7), 0);
    assert.ok(Math.abs(std(lifted) - 1) < STD_TOLERANCE, `std ${std(lifted)}`);
    const mean = lifted.reduce((s, v) => s + v, 0) / ROWS;
    assert.ok(Math.abs(mean - 20.01) < 0.1, `mean ${mean}`);
  });

  it('leaves a feature wider than its floor, and unfloored ones, as they are', () => {
    const data = quietHost();
    const out = withNoiseFloor(data, { b: 1 }, 7);
    assert.deepEqual(column(out, 1), column(data, 1));
    assert.deepEqual(column(out, 0), column(data, 0));
  });

  it('keeps missing values missing and does not touch the input', () => {
    const data = quietHost();
    const before = Float64Array.from(data.values);
    const out = withNoiseFloor(data, floors, 7);
    assert.ok(Number.isNaN(out.values[2]));
    assert.ok(column(out, 3).every(Number.isNaN));
    assert.deepEqual(data.values, before);
  });

  it('is reproducible for a seed', () => {
    const first = withNoiseFloor(quietHost(), floors, 3).values;
    const second = withNoiseFloor(quietHost(), floors, 3).values;
    assert.deepEqual(first, second);
  });
});
