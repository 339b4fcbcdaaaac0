import type { Random } from '../core/random.js';
import type { ForestBuilder } from './forest-builder.js';
import { bestGiniSplit, classWeights, type GiniData } from './gini-split.js';
import { shuffleFirst } from './bootstrap.js';
import { markLeftRows } from './split-threshold.js';

/** How far a classification tree grows. */
export interface ClassificationTreeLimits {
  readonly maxFeatures: number;
  /** null: grow until leaves are pure or too small to split. */
  readonly maxDepth: number | null;
  readonly minSamplesSplit: number;
  readonly minSamplesLeaf: number;
}

/**
 * Grows one CART classification tree (Gini impurity) on the rows of
 * `data.order` into `builder`; each leaf outputs the weighted fraction of
 * anomalies among its rows.
 */
export function growClassificationTree(
  builder: ForestBuilder,
  data: GiniData,
  limits: ClassificationTreeLimits,
  random: Random,
): void {
  const grower = new ClassificationGrower(builder, data, limits, random);
  grower.grow(builder.addRoot(), 0, data.order.size, 0);
}

class ClassificationGrower {
  private readonly features: Int32Array;
  private readonly goesLeft: Uint8Array;

  constructor(
    private readonly builder: ForestBuilder,
    private readonly data: GiniData,
    private readonly limits: ClassificationTreeLimits,
    private readonly random: Random,
  ) {
    this.features = Int32Array.from({ length: data.columns.cols }, (_, f) => f);
    this.goesLeft = new Uint8Array(data.columns.rows);
  }

  grow(node: number, start: number, end: number, depth: number): void {
    const totals = classWeights(this.data, start, end);
    const fraction = totals.anomaly / (totals.normal + totals.anomaly);
    const split = this.canSplit(end - start, depth, fraction)
      ? this.findSplit(start, end)
      : null;
    if (split === null) {
      this.builder.setLeaf(node, fraction);
      return;
    }

    const { order } = this.data;
    const rows = order.order.subarray(start, end);
    const column = split.feature * this.data.columns.rows;
    markLeftRows(
      rows,
      this.data.columns.values,
      column,
      split.threshold,
      this.goesLeft,
    );
    const mid = order.partition(start, end, this.goesLeft);

    const left = this.builder.setSplit(node, split.feature, split.threshold);
    this.grow(left, start, mid, depth + 1);
    this.grow(left + 1, mid, end, depth + 1);
  }

  private canSplit(rows: number, depth: number, fraction: number): boolean {
    const { maxDepth, minSamplesSplit, minSamplesLeaf } = this.limits;
    return (
      fraction > 0 &&
      fraction < 1 &&
      rows >= minSamplesSplit &&
      rows >= 2 * minSamplesLeaf &&
      (maxDepth === null || depth < maxDepth)
    );
  }

  private findSplit(start: number, end: number) {
    const { features, limits } = this;
    shuffleFirst(features, features.length, this.random);
    return bestGiniSplit(
      this.data,
      start,
      end,
      features,
      limits.maxFeatures,
      limits.minSamplesLeaf,
    );
  }
}
