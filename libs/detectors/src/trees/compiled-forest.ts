import { treeDepth, type FlatForest } from './flat-forest.js';
import {
  DEFAULT_HOT_FOREST,
  HotForestScorer,
  type HotForestOptions,
} from './hot-forest-scorer.js';
import {
  LOCKSTEP_LANES,
  LockstepForest,
  walkingOrder,
} from './lockstep-forest.js';

/** What scoring needs of a forest: the sum of its trees' outputs. */
export interface ForestScorer {
  readonly treeCount: number;
  /** The sum of every tree's output for a finite `row`; allocation-free. */
  sum(row: ArrayLike<number>): number;
}

/**
 * Forests up to this many nodes, no tree deeper than
 * COMPILED_FOREST_MAX_DEPTH, are compiled to code once hot (see
 * HotForestScorer); larger ones are walked by a LockstepForest. Measured
 * on the fixture models (CPU time per score once optimised, loaded 2-core
 * machine): XGBoost's 100 trees of depth <= 6 (1458 nodes) 0.35 µs
 * compiled against 1.41 µs lockstep; the Random Forest (10 180 nodes,
 * depth 10-19) 12.5 against 4.5 µs and the Isolation Forest (15 930
 * nodes, depth 8) 15.5 against 2.8 µs: past a few thousand nodes the code
 * no longer fits the instruction cache and its branches, one per split,
 * are mispredicted.
 */
export const COMPILED_FOREST_MAX_NODES = 2048;
export const COMPILED_FOREST_MAX_DEPTH = 8;

/** The faster scorer for this forest (see COMPILED_FOREST_MAX_NODES). */
export function createForestScorer(
  forest: FlatForest,
  hot: HotForestOptions = DEFAULT_HOT_FOREST,
): ForestScorer {
  const lockstep = new LockstepForest(forest);
  if (!compilable(forest)) return lockstep;
  return new HotForestScorer(lockstep, () => compileForest(forest), hot);
}

function compilable(forest: FlatForest): boolean {
  if (forest.feature.length > COMPILED_FOREST_MAX_NODES) return false;
  return forest.roots.every(
    (root) => treeDepth(forest, root) <= COMPILED_FOREST_MAX_DEPTH,
  );
}

/**
 * A forest compiled to one function of nested conditionals, one
 * expression per tree:
 *
 *     sum += (row[3] > 0.25 ? (row[0] > -1 ? 0.5 : -0.125) : 0.75) + ...
 *
 * The outputs are added in the LockstepForest's order and grouping, so
 * the sum is the same double; a value equal to the threshold goes left,
 * as everywhere.
 *
 * Safety: the source is made only of fixed text and numbers read from the
 * forest's typed arrays: feature indices from an Int32Array (integers)
 * and thresholds and leaf outputs from Float64Arrays, each checked finite
 * and written with `String`, which gives only digits, '-', '.', 'e' and
 * '+'. No string from a model file reaches it, so a model can only change
 * which numbers the function compares and adds. Where code generation is
 * disallowed (`--disallow-code-generation-from-strings`, a CSP) `new
 * Function` throws and the lockstep walk is used instead.
 */
export function compileForest(forest: FlatForest): ForestScorer | null {
  const depths = forest.roots.map((root) => treeDepth(forest, root));
  const body = forestSource(forest, walkingOrder(depths));
  if (body === null) return null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- numbers only, see above
    const sum = new Function('row', body) as (row: ArrayLike<number>) => number;
    return { treeCount: forest.roots.length, sum };
  } catch {
    return null;
  }
}

function forestSource(
  forest: FlatForest,
  order: readonly number[],
): string | null {
  const trees = order.map((tree) => treeSource(forest, forest.roots[tree]));
  if (trees.some((tree) => tree === null)) return null;
  const whole = trees.length - (trees.length % LOCKSTEP_LANES);
  const lines = ['let sum = 0;'];
  for (let t = 0; t < whole; t += LOCKSTEP_LANES) {
    lines.push(`sum += ${trees.slice(t, t + LOCKSTEP_LANES).join(' + ')};`);
  }
  for (let t = whole; t < trees.length; t++) lines.push(`sum += ${trees[t]};`);
  lines.push('return sum;');
  return lines.join('\n');
}

/** One tree as a nested conditional; null if a number is not finite. */
function treeSource(forest: FlatForest, node: number): string | null {
  const feature = forest.feature[node];
  if (feature < 0) return literal(forest.value[node]);
  const threshold = literal(forest.threshold[node]);
  const child = forest.left[node];
  const right = treeSource(forest, child + 1);
  const left = treeSource(forest, child);
  if (threshold === null || right === null || left === null) return null;
  return `(row[${feature | 0}] > ${threshold} ? ${right} : ${left})`;
}

/** A finite double as source text that reads back as the same double. */
function literal(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  return Object.is(value, -0) ? '(-0)' : `(${String(value)})`;
}
