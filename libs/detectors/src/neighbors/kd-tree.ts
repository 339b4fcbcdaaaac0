import type { FeatureMatrix } from '../core/feature-matrix.js';
import { drainEuclidean } from './brute-force-index.js';
import { buildKdTree } from './kd-tree-layout.js';
import type { KdTreeLayout } from './kd-tree-layout.js';
import { NeighborHeap } from './neighbor-heap.js';
import type { NeighborIndex } from './neighbor-index.js';

/** Points per leaf: below ~16 the node checks cost more than the scans. */
export const DEFAULT_KD_LEAF_SIZE = 16;

/**
 * An exact KD-tree over flat typed arrays. A query walks the tree depth
 * first, nearer child first, and skips a node whose bounding box lies
 * farther than the current k-th nearest point. It pays off at a handful of
 * dimensions (the seven seed features); past ~20 almost no box can be
 * skipped and `BruteForceIndex` wins (see `createNeighborIndex`).
 */
export class KdTree implements NeighborIndex {
  readonly size: number;
  readonly dims: number;
  private readonly tree: KdTreeLayout;
  private readonly heap: NeighborHeap;
  private readonly stack: Int32Array;

  constructor(
    points: FeatureMatrix,
    maxK: number,
    leafSize = DEFAULT_KD_LEAF_SIZE,
  ) {
    this.size = points.rows;
    this.dims = points.cols;
    this.tree = buildKdTree(points, leafSize);
    this.heap = new NeighborHeap(maxK);
    this.stack = new Int32Array(this.tree.start.length + 1);
  }

  query(
    point: ArrayLike<number>,
    k: number,
    indices: Int32Array,
    distances: Float64Array,
  ): number {
    const { heap, stack, tree } = this;
    heap.reset(k);
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      if (this.boxDistance(node, point, heap.bound) >= heap.bound) continue;
      const left = tree.left[node];
      if (left < 0) {
        this.scanLeaf(node, point);
      } else if (point[tree.splitDim[node]] < tree.splitValue[node]) {
        stack[top++] = tree.right[node];
        stack[top++] = left;
      } else {
        stack[top++] = left;
        stack[top++] = tree.right[node];
      }
    }
    const count = drainEuclidean(heap, indices, distances);
    for (let i = 0; i < count; i++) indices[i] = tree.original[indices[i]];
    return count;
  }

  /** Squared distance from `point` to the node's box, stopping at `limit`. */
  private boxDistance(
    node: number,
    point: ArrayLike<number>,
    limit: number,
  ): number {
    const { boxes } = this.tree;
    const dims = this.dims;
    const base = node * 2 * dims;
    let sum = 0;
    for (let c = 0; c < dims && sum < limit; c++) {
      const p = point[c];
      const below = boxes[base + c] - p;
      const above = p - boxes[base + dims + c];
      const gap = below > 0 ? below : above > 0 ? above : 0;
      sum += gap * gap;
    }
    return sum;
  }

  private scanLeaf(node: number, point: ArrayLike<number>): void {
    const { heap, dims } = this;
    const { points, start, end } = this.tree;
    for (let at = start[node], offset = at * dims; at < end[node]; at++) {
      let sum = 0;
      for (let c = 0; c < dims; c++) {
        const d = points[offset + c] - point[c];
        sum += d * d;
      }
      offset += dims;
      if (sum < heap.bound) heap.push(sum, at);
    }
  }
}
