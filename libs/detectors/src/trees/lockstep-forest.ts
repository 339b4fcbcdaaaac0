import { treeDepth, type FlatForest } from './flat-forest.js';

/** Trees walked side by side. */
export const LOCKSTEP_LANES = 4;
const LANES = LOCKSTEP_LANES;

/**
 * A FlatForest compiled for scoring. Walking one tree is a chain of
 * dependent loads (node, then feature, then the row's value, then the
 * child), so the CPU waits on each step; walking four trees side by side
 * gives it four independent chains to overlap, about three times faster.
 *
 * To walk a fixed number of steps without testing for leaves, each leaf
 * becomes a node that loops onto itself: feature 0, threshold +Infinity
 * (no finite value is greater), left child itself. Each group of four trees
 * takes as many steps as its deepest tree; trees are grouped in order of
 * depth so that few steps are wasted on leaves (their outputs are then
 * added in that order, which can differ from tree order in the last bit).
 * The child is chosen with `Number(a > b)`, which V8 compiles to a
 * branch-free set-on-condition (`a > b ? 1 : 0` compiles to a jump that the
 * CPU mispredicts on about half the nodes).
 *
 * Rows must be finite (NaN is never greater either, so it would walk left
 * everywhere): detectors check rows before they get here.
 */
export class LockstepForest {
  private readonly roots: Int32Array;
  /**
   * 16 bytes a node, so that a step touches one cache line: the threshold
   * as `thresholds[2 * node]`; the left child and the feature, in the
   * same bytes, as `links[4 * node + 2]` and `links[4 * node + 3]`.
   */
  private readonly thresholds: Float64Array;
  private readonly links: Int32Array;
  private readonly value: Float64Array;
  /** Steps for each tree, in walking order. */
  private readonly depth: Int32Array;
  /** Steps for each group of LANES trees: its deepest tree's. */
  private readonly groupDepth: Int32Array;

  constructor(forest: FlatForest) {
    const depths = forest.roots.map((root) => treeDepth(forest, root));
    const order = walkingOrder(depths);
    this.roots = Int32Array.from(order, (tree) => forest.roots[tree]);
    this.depth = Int32Array.from(order, (tree) => depths[tree]);
    this.thresholds = interleave(forest);
    this.links = new Int32Array(this.thresholds.buffer);
    this.value = forest.value.slice();
    this.groupDepth = groupMaxima(this.depth, LANES);
  }

  get treeCount(): number {
    return this.roots.length;
  }

  /** The sum of every tree's output for a finite `row`; allocation-free. */
  sum(row: ArrayLike<number>): number {
    const trees = this.roots.length;
    const whole = trees - (trees % LANES);
    let sum = 0;
    let t = 0;
    for (; t + 2 * LANES <= whole; t += 2 * LANES) {
      sum = this.walkTwoGroups(t, row, sum);
    }
    if (t < whole) sum += this.walkGroup(t, row);
    for (t = whole; t < trees; t++) sum += this.walk(t, row);
    return sum;
  }

  /**
   * Walks the groups at `t` and `t + LANES` side by side (eight chains:
   * ~10 % faster than one group at a time) and adds each group's outputs
   * to `sum` as `walkGroup` would, so the sum is the same double. A step
   * that moves no lane ends the walk: a child's index is above its
   * parent's, so only lanes that all sit on (self-looping) leaves keep the
   * same index sum. That saves the steps a deep group wastes on paths that
   * ended early: Random Forest 15-25 % faster, Isolation Forest (paths
   * mostly at full depth) unchanged within noise.
   */
  private walkTwoGroups(t: number, row: ArrayLike<number>, sum: number) {
    const { roots, thresholds, links, value, groupDepth } = this;
    const group = t / LANES;
    const steps = Math.max(groupDepth[group], groupDepth[group + 1]);
    let a = roots[t];
    let b = roots[t + 1];
    let c = roots[t + 2];
    let d = roots[t + 3];
    let e = roots[t + 4];
    let f = roots[t + 5];
    let g = roots[t + 6];
    let h = roots[t + 7];
    for (let step = steps; step > 0; step--) {
      const was = a + b + c + d + e + f + g + h;
      a =
        links[(a << 2) + 2] +
        Number(row[links[(a << 2) + 3]] > thresholds[a << 1]);
      b =
        links[(b << 2) + 2] +
        Number(row[links[(b << 2) + 3]] > thresholds[b << 1]);
      c =
        links[(c << 2) + 2] +
        Number(row[links[(c << 2) + 3]] > thresholds[c << 1]);
      d =
        links[(d << 2) + 2] +
        Number(row[links[(d << 2) + 3]] > thresholds[d << 1]);
      e =
        links[(e << 2) + 2] +
        Number(row[links[(e << 2) + 3]] > thresholds[e << 1]);
      f =
        links[(f << 2) + 2] +
        Number(row[links[(f << 2) + 3]] > thresholds[f << 1]);
      g =
        links[(g << 2) + 2] +
        Number(row[links[(g << 2) + 3]] > thresholds[g << 1]);
      h =
        links[(h << 2) + 2] +
        Number(row[links[(h << 2) + 3]] > thresholds[h << 1]);
      if (a + b + c + d + e + f + g + h === was) break;
    }
    const first = sum + (value[a] + value[b] + value[c] + value[d]);
    return first + (value[e] + value[f] + value[g] + value[h]);
  }

  /** The summed outputs of the LANES trees from `t`, walked side by side. */
  private walkGroup(t: number, row: ArrayLike<number>): number {
    const { roots, thresholds, links, value, groupDepth } = this;
    let a = roots[t];
    let b = roots[t + 1];
    let c = roots[t + 2];
    let d = roots[t + 3];
    for (let step = groupDepth[t / LANES]; step > 0; step--) {
      a =
        links[(a << 2) + 2] +
        Number(row[links[(a << 2) + 3]] > thresholds[a << 1]);
      b =
        links[(b << 2) + 2] +
        Number(row[links[(b << 2) + 3]] > thresholds[b << 1]);
      c =
        links[(c << 2) + 2] +
        Number(row[links[(c << 2) + 3]] > thresholds[c << 1]);
      d =
        links[(d << 2) + 2] +
        Number(row[links[(d << 2) + 3]] > thresholds[d << 1]);
    }
    return value[a] + value[b] + value[c] + value[d];
  }

  private walk(tree: number, row: ArrayLike<number>): number {
    const { thresholds, links } = this;
    let node = this.roots[tree];
    for (let step = this.depth[tree]; step > 0; step--) {
      node =
        links[(node << 2) + 2] +
        Number(row[links[(node << 2) + 3]] > thresholds[node << 1]);
    }
    return this.value[node];
  }
}

/**
 * The order trees are walked and summed in: by depth, shallowest first,
 * tree order among equals. Anything that must give the same sum to the
 * last bit (CompiledForest) adds the outputs in this order, LANES at a
 * time, then the trees left over one by one.
 */
export function walkingOrder(depths: Int32Array): number[] {
  return Array.from(depths.keys()).sort((a, b) => depths[a] - depths[b]);
}

/**
 * The nodes as 16-byte records (see `LockstepForest.thresholds`); a leaf
 * loops onto itself: feature 0, threshold +Infinity, left child itself.
 */
function interleave(forest: FlatForest): Float64Array {
  const nodes = forest.feature.length;
  const thresholds = new Float64Array(2 * nodes);
  const links = new Int32Array(thresholds.buffer);
  for (let node = 0; node < nodes; node++) {
    const leaf = forest.feature[node] < 0;
    thresholds[2 * node] = leaf ? Infinity : forest.threshold[node];
    links[4 * node + 2] = leaf ? node : forest.left[node];
    links[4 * node + 3] = leaf ? 0 : forest.feature[node];
  }
  return thresholds;
}

function groupMaxima(values: Int32Array, size: number): Int32Array {
  const maxima = new Int32Array(Math.ceil(values.length / size));
  values.forEach((value, i) => {
    const group = Math.floor(i / size);
    maxima[group] = Math.max(maxima[group], value);
  });
  return maxima;
}
