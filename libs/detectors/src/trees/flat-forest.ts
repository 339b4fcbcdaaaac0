/**
 * A forest of binary decision trees stored as flat typed arrays, one slot
 * per node, all trees in one set of arrays. The two children of a split
 * node sit side by side: the left child at `left[node]`, the right child at
 * `left[node] + 1`. A leaf has `feature` -1 and holds its output in `value`.
 *
 * A row goes left when `row[feature] <= threshold`. The walk adds the
 * comparison to the left child's index (`Number(a > b)` compiles to a
 * branch-free set-on-condition in V8, where `a > b ? 1 : 0` is a jump that
 * the CPU mispredicts on about half the nodes).
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

/**
 * The sum of every tree's output for `row`; allocation-free. The walk of
 * `evaluateTree` is inlined here so that the arrays are read once per call.
 */
export function sumTrees(forest: FlatForest, row: ArrayLike<number>): number {
  const { roots, feature, threshold, left, value } = forest;
  let sum = 0;
  for (let t = 0; t < roots.length; t++) {
    let node = roots[t];
    let f = feature[node];
    while (f >= 0) {
      node = left[node] + Number(row[f] > threshold[node]);
      f = feature[node];
    }
    sum += value[node];
  }
  return sum;
}

export function treeCount(forest: FlatForest): number {
  return forest.roots.length;
}

export function nodeCount(forest: FlatForest): number {
  return forest.feature.length;
}
