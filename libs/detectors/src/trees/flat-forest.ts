/**
 * A forest of binary decision trees stored as flat typed arrays, one slot
 * per node, all trees in one set of arrays: the form trees are built in
 * and saved in. The two children of a split node sit side by side: the
 * left child at `left[node]`, the right child at `left[node] + 1`. A leaf
 * has `feature` -1 and holds its output in `value`.
 *
 * A row goes left when `row[feature] <= threshold`. Scoring uses the
 * LockstepForest compiled from this form.
 */
export interface FlatForest {
  /** The node index where each tree starts. */
  readonly roots: Int32Array;
  /** The feature tested at each node; -1 marks a leaf. */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  /** The left child of each split node; the right child follows it. */
  readonly left: Int32Array;
  /** The output of each leaf (0 at split nodes). */
  readonly value: Float64Array;
}

/** The leaf output of one tree for `row`; allocation-free. */
export function evaluateTree(
  forest: FlatForest,
  root: number,
  row: ArrayLike<number>,
): number {
  const { feature, threshold, left } = forest;
  let node = root;
  let f = feature[node];
  while (f >= 0) {
    node = left[node] + Number(row[f] > threshold[node]);
    f = feature[node];
  }
  return forest.value[node];
}

/** The number of splits on the longest path from `root` to a leaf. */
export function treeDepth(forest: FlatForest, root: number): number {
  const pending = [root, 0];
  let deepest = 0;
  while (pending.length > 0) {
    const depth = pending.pop()!;
    const node = pending.pop()!;
    deepest = Math.max(deepest, depth);
    if (forest.feature[node] < 0) continue;
    const child = forest.left[node];
    pending.push(child, depth + 1, child + 1, depth + 1);
  }
  return deepest;
}
