import type { NodeOrder } from './node-order.js';
import type { SortedColumns } from './sorted-columns.js';
import { splitThreshold } from './split-threshold.js';

/** What a classification tree trains on. */
export interface GiniData {
  readonly columns: SortedColumns;
  readonly order: NodeOrder;
  /** Bootstrap count of each row. */
  readonly weights: Float64Array;
  /** 1 anomaly, 0 normal. */
  readonly labels: Uint8Array;
}

export interface Split {
  readonly feature: number;
  readonly threshold: number;
}

/** The weighted class totals of one node. */
export interface ClassWeights {
  readonly normal: number;
  readonly anomaly: number;
}

interface Candidate {
  feature: number;
  threshold: number;
  /** Sum over both sides of (w0^2 + w1^2) / w: higher is purer. */
  purity: number;
}

/**
 * The split of [start, end) with the lowest weighted Gini impurity over
 * the first `maxFeatures` features of `features` that are not constant in
 * the node (as scikit-learn draws them); null when no split leaves
 * `minLeaf` rows on each side.
 */
export function bestGiniSplit(
  data: GiniData,
  start: number,
  end: number,
  features: Int32Array,
  maxFeatures: number,
  minLeaf: number,
): Split | null {
  const totals = classWeights(data, start, end);
  const best: Candidate = { feature: -1, threshold: 0, purity: -Infinity };
  let visited = 0;
  for (let i = 0; i < features.length && visited < maxFeatures; i++) {
    if (isConstant(data, features[i], start, end)) continue;
    visited++;
    scanFeature(data, features[i], start, end, minLeaf, totals, best);
  }
  return best.feature < 0 ? null : best;
}

export function classWeights(
  data: GiniData,
  start: number,
  end: number,
): ClassWeights {
  const { order, weights, labels } = data;
  let normal = 0;
  let anomaly = 0;
  for (let i = start; i < end; i++) {
    const row = order.order[i];
    if (labels[row] === 1) anomaly += weights[row];
    else normal += weights[row];
  }
  return { normal, anomaly };
}

function isConstant(
  data: GiniData,
  f: number,
  start: number,
  end: number,
): boolean {
  const { order, size } = data.order;
  const column = f * data.columns.rows;
  const low = data.columns.values[column + order[f * size + start]];
  const high = data.columns.values[column + order[f * size + end - 1]];
  return low >= high;
}

function scanFeature(
  data: GiniData,
  f: number,
  start: number,
  end: number,
  minLeaf: number,
  totals: ClassWeights,
  best: Candidate,
): void {
  const { order, size } = data.order;
  const { weights, labels } = data;
  const values = data.columns.values;
  const column = f * data.columns.rows;
  const base = f * size;
  let leftNormal = 0;
  let leftAnomaly = 0;
  for (let i = start; i < end - 1; i++) {
    const row = order[base + i];
    if (labels[row] === 1) leftAnomaly += weights[row];
    else leftNormal += weights[row];
    const value = values[column + row];
    const next = values[column + order[base + i + 1]];
    if (next <= value) continue;
    const leftRows = i - start + 1;
    if (leftRows < minLeaf || end - start - leftRows < minLeaf) continue;
    const purity =
      sidePurity(leftNormal, leftAnomaly) +
      sidePurity(totals.normal - leftNormal, totals.anomaly - leftAnomaly);
    if (purity > best.purity) {
      best.feature = f;
      best.threshold = splitThreshold(value, next);
      best.purity = purity;
    }
  }
}

function sidePurity(normal: number, anomaly: number): number {
  return (normal * normal + anomaly * anomaly) / (normal + anomaly);
}
