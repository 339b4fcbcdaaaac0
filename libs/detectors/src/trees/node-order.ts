import type { SortedColumns } from './sorted-columns.js';

/**
 * The rows one tree trains on, kept sorted by every feature while the tree
 * grows: each node owns the same range [start, end) in every feature's
 * segment, and a split partitions each segment stably, so that split
 * search at any node is a linear scan (no sort per node).
 */
export class NodeOrder {
  /** Rows in the tree. */
  readonly size: number;
  /** cols x size: feature f's rows lie at [f * size, (f + 1) * size). */
  readonly order: Int32Array;
  private readonly scratch: Int32Array;

  /** The rows with a non-zero weight (all rows when weights are absent). */
  constructor(columns: SortedColumns, weights?: Float64Array) {
    const { rows, cols, sorted } = columns;
    this.size = weights ? countNonZero(weights) : rows;
    this.order = new Int32Array(cols * this.size);
    this.scratch = new Int32Array(this.size);
    for (let f = 0; f < cols; f++) {
      let out = f * this.size;
      for (let i = f * rows; i < (f + 1) * rows; i++) {
        const row = sorted[i];
        if (!weights || weights[row] > 0) this.order[out++] = row;
      }
    }
  }

  /**
   * Moves the rows with `goesLeft[row]` to the front of [start, end) in
   * every feature, keeping each side sorted; returns where the right side
   * starts.
   */
  partition(start: number, end: number, goesLeft: Uint8Array): number {
    const features = this.order.length / this.size;
    let mid = start;
    for (let f = 0; f < features; f++) {
      mid = this.partitionFeature(f * this.size, start, end, goesLeft);
    }
    return mid;
  }

  private partitionFeature(
    base: number,
    start: number,
    end: number,
    goesLeft: Uint8Array,
  ): number {
    const { order, scratch } = this;
    let nextLeft = base + start;
    let rights = 0;
    for (let i = base + start; i < base + end; i++) {
      const row = order[i];
      if (goesLeft[row] === 1) order[nextLeft++] = row;
      else scratch[rights++] = row;
    }
    order.set(scratch.subarray(0, rights), nextLeft);
    return nextLeft - base;
  }
}

function countNonZero(weights: Float64Array): number {
  let count = 0;
  for (const weight of weights) if (weight > 0) count++;
  return count;
}
