import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createMatrix } from '../core/feature-matrix.js';
import type { FeatureMatrix } from '../core/feature-matrix.js';
import { Random } from '../core/random.js';
import { BruteForceIndex } from './brute-force-index.js';
import { createNeighborIndex } from './create-neighbor-index.js';
import { KdTree } from './kd-tree.js';
import type { NeighborIndex } from './neighbor-index.js';

function randomPoints(rows: number, cols: number, seed: number) {
  const random = new Random(seed);
  const matrix = createMatrix(rows, cols);
  // Rounded to a grid, so that duplicate points and tied distances occur.
  for (let i = 0; i < matrix.data.length; i++) {
    matrix.data[i] = Math.round(random.normal() * 4) / 4;
  }
  return matrix;
}

/** Distances to every point, sorted: what an exact search must return. */
function sortedDistances(points: FeatureMatrix, query: Float64Array) {
  const all: number[] = [];
  for (let r = 0; r < points.rows; r++) {
    let sum = 0;
    for (let c = 0; c < points.cols; c++) {
      sum += (points.data[r * points.cols + c] - query[c]) ** 2;
    }
    all.push(Math.sqrt(sum));
  }
  return all.sort((a, b) => a - b);
}

/** The KD-tree measures in a rotated basis: distances agree to rounding. */
const TOLERANCE = 1e-12;

function assertNear(actual: number, expected: number): void {
  assert.ok(
    Math.abs(actual - expected) <= TOLERANCE * Math.max(1, expected),
    `${actual} vs ${expected}`,
  );
}

function assertExact(
  index: NeighborIndex,
  points: FeatureMatrix,
  query: Float64Array,
  k: number,
): void {
  const indices = new Int32Array(k);
  const distances = new Float64Array(k);
  const count = index.query(query, k, indices, distances);
  const expected = sortedDistances(points, query).slice(0, k);
  assert.equal(count, expected.length);
  assert.equal(new Set(indices.subarray(0, count)).size, count);
  for (let i = 0; i < count; i++) {
    assertNear(distances[i], expected[i]);
    const row = points.data.subarray(
      indices[i] * points.cols,
      (indices[i] + 1) * points.cols,
    );
    assertNear(sortedDistances(createRow(row), query)[0], distances[i]);
  }
}

function createRow(row: Float64Array): FeatureMatrix {
  return { rows: 1, cols: row.length, data: row };
}

describe('neighbour indexes', () => {
  for (const [name, build] of [
    ['KdTree', (m: FeatureMatrix, k: number) => new KdTree(m, k, 4)],
    [
      'BruteForceIndex',
      (m: FeatureMatrix, k: number) => new BruteForceIndex(m, k),
    ],
  ] as const) {
    it(`${name} finds the exact k nearest, nearest first`, () => {
      for (const cols of [1, 3, 7, 8, 9, 20]) {
        const points = randomPoints(500, cols, cols);
        const queries = randomPoints(40, cols, 100 + cols);
        const index = build(points, 25);
        for (let q = 0; q < queries.rows; q++) {
          const query = queries.data.subarray(q * cols, (q + 1) * cols);
          assertExact(index, points, query, 25);
          assertExact(index, points, query, 1);
        }
      }
    });

    it(`${name} returns every point when k exceeds the count`, () => {
      const points = randomPoints(5, 3, 9);
      assertExact(build(points, 8), points, new Float64Array(3), 8);
    });
  }
});

describe('createNeighborIndex', () => {
  it('takes the KD-tree for correlated points, whatever their count', () => {
    const random = new Random(3);
    const points = createMatrix(400, 38);
    for (let r = 0; r < points.rows; r++) {
      const a = random.normal();
      const b = random.normal();
      for (let c = 0; c < points.cols; c++) {
        points.data[r * points.cols + c] =
          a * Math.sin(c + 1) + b * Math.cos(c) + 0.05 * random.normal();
      }
    }
    assert.ok(createNeighborIndex(points, 5) instanceof KdTree);
  });

  it('takes the linear scan for many independent features', () => {
    const points = randomPoints(400, 16, 4);
    assert.ok(createNeighborIndex(points, 5) instanceof BruteForceIndex);
  });
});
