import type { FeatureMatrix } from '../core/feature-matrix.js';

/**
 * Coordinates a point row holds at least: narrower points are padded with
 * zeros so that a leaf scan can sum a fixed, unrolled number of squared
 * gaps (see `scanLeaf` in kd-tree.ts).
 */
export const KD_MIN_STRIDE = 8;

/**
 * A KD-tree as flat typed arrays. Node 0 is the root; a leaf has
 * `left[node] === -1`. Points are copied in tree order, so each node owns
 * the contiguous rows [start, end) of `points`, `stride` numbers a row:
 * the `dims` coordinates, then zeros up to KD_MIN_STRIDE. `original` maps
 * a row back to its index in the input. `boxes` holds each node's bounding
 * box as dims minima then dims maxima.
 */
export interface KdTreeLayout {
  readonly dims: number;
  readonly stride: number;
  readonly points: Float64Array;
  readonly original: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly splitDim: Int32Array;
  readonly splitValue: Float64Array;
  readonly boxes: Float64Array;
}

interface Builder {
  readonly source: FeatureMatrix;
  readonly order: Int32Array;
  readonly leafSize: number;
  readonly nodes: NodeDraft[];
}

interface NodeDraft {
  start: number;
  end: number;
  left: number;
  right: number;
  dim: number;
  split: number;
  box: Float64Array;
}

/** Splits on the widest dimension at the median until leaves are small. */
export function buildKdTree(
  source: FeatureMatrix,
  leafSize: number,
): KdTreeLayout {
  const order = new Int32Array(source.rows);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const builder: Builder = { source, order, leafSize, nodes: [] };
  buildNode(builder, 0, source.rows);
  return flatten(builder);
}

function buildNode(builder: Builder, start: number, end: number): number {
  const id = builder.nodes.length;
  const box = boundingBox(builder, start, end);
  const node = { start, end, left: -1, right: -1, dim: 0, split: 0, box };
  builder.nodes.push(node);
  if (end - start <= builder.leafSize) return id;

  node.dim = widestDimension(box, builder.source.cols);
  const mid = (start + end) >> 1;
  selectNth(builder, start, end, mid, node.dim);
  node.split = coordinate(builder, mid, node.dim);
  node.left = buildNode(builder, start, mid);
  node.right = buildNode(builder, mid, end);
  return id;
}

function coordinate(builder: Builder, at: number, dim: number): number {
  return builder.source.data[builder.order[at] * builder.source.cols + dim];
}

function boundingBox(builder: Builder, start: number, end: number) {
  const dims = builder.source.cols;
  const box = new Float64Array(2 * dims).fill(Infinity, 0, dims);
  box.fill(-Infinity, dims);
  for (let at = start; at < end; at++) {
    for (let c = 0; c < dims; c++) {
      const value = coordinate(builder, at, c);
      box[c] = Math.min(box[c], value);
      box[dims + c] = Math.max(box[dims + c], value);
    }
  }
  return box;
}

function widestDimension(box: Float64Array, dims: number): number {
  let best = 0;
  for (let c = 1; c < dims; c++) {
    if (box[dims + c] - box[c] > box[dims + best] - box[best]) best = c;
  }
  return best;
}

/**
 * Reorders `order[start, end)` so that the row at `nth` has the value it
 * would have in sorted order along `dim`, smaller ones before it and larger
 * ones after (Hoare's quickselect, middle pivot).
 */
function selectNth(
  builder: Builder,
  start: number,
  end: number,
  nth: number,
  dim: number,
): void {
  const order = builder.order;
  let lo = start;
  let hi = end - 1;
  while (lo < hi) {
    const pivot = coordinate(builder, (lo + hi) >> 1, dim);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (coordinate(builder, i, dim) < pivot) i++;
      while (coordinate(builder, j, dim) > pivot) j--;
      if (i <= j) {
        const swap = order[i];
        order[i++] = order[j];
        order[j--] = swap;
      }
    }
    if (nth <= j) hi = j;
    else if (nth >= i) lo = i;
    else return;
  }
}

function flatten(builder: Builder): KdTreeLayout {
  const { nodes, order, source } = builder;
  const dims = source.cols;
  const stride = Math.max(dims, KD_MIN_STRIDE);
  const points = new Float64Array(source.rows * stride);
  order.forEach((row, at) => {
    points.set(source.data.subarray(row * dims, (row + 1) * dims), at * stride);
  });
  const boxes = new Float64Array(nodes.length * 2 * dims);
  nodes.forEach((node, id) => boxes.set(node.box, id * 2 * dims));
  return {
    dims,
    stride,
    points,
    original: order,
    start: Int32Array.from(nodes, (n) => n.start),
    end: Int32Array.from(nodes, (n) => n.end),
    left: Int32Array.from(nodes, (n) => n.left),
    right: Int32Array.from(nodes, (n) => n.right),
    splitDim: Int32Array.from(nodes, (n) => n.dim),
    splitValue: Float64Array.from(nodes, (n) => n.split),
    boxes,
  };
}
