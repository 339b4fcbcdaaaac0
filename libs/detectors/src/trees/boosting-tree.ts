import type { ForestBuilder } from './forest-builder.js';
import type { NodeOrder } from './node-order.js';
import type { SortedColumns } from './sorted-columns.js';
import { markLeftRows, splitThreshold } from './split-threshold.js';

/** The regularisation of one boosted tree, as XGBoost names it. */
export interface BoostingTreeParams {
  readonly maxDepth: number;
  readonly learningRate: number;
  /** L2 penalty on leaf weights. */
  readonly lambda: number;
  /** Least loss reduction a split must bring. */
  readonly gamma: number;
  /** Least hessian sum on each side of a split. */
  readonly minChildWeight: number;
}

/** First and second derivatives of the loss at each row's margin. */
export interface GradientData {
  readonly columns: SortedColumns;
  readonly order: NodeOrder;
  readonly grad: Float64Array;
  readonly hess: Float64Array;
  /** Each row's margin: a leaf adds its output to its rows' margins. */
  readonly margins: Float64Array;
}

interface GainSplit {
  feature: number;
  threshold: number;
  gain: number;
}

/** XGBoost's floor on a useful loss change (kRtEps). */
const MIN_GAIN = 1e-6;

/**
 * Grows one regression tree on gradient statistics with XGBoost's exact
 * greedy algorithm: every distinct value of every feature is a candidate,
 * a split's gain is GL²/(HL+λ) + GR²/(HR+λ) - G²/(H+λ), and a leaf
 * outputs -G/(H+λ) times the learning rate, which it also adds to the
 * margins of its training rows.
 *
 * Unlike XGBoost, gamma is applied while growing (a split needs gain >=
 * gamma) rather than by pruning afterwards, which can keep fewer splits
 * when gamma > 0: a weak split above a strong one is never made here.
 */
export function growBoostingTree(
  builder: ForestBuilder,
  data: GradientData,
  params: BoostingTreeParams,
): void {
  const goesLeft = new Uint8Array(data.columns.rows);
  const grow = (node: number, start: number, end: number, depth: number) => {
    const [g, h] = gradientSums(data, start, end);
    const split =
      depth < params.maxDepth
        ? bestGainSplit(data, start, end, g, h, params)
        : null;
    if (split === null) {
      const output = (-g / (h + params.lambda)) * params.learningRate;
      builder.setLeaf(node, output);
      addToMargins(data, start, end, output);
      return;
    }

    const rows = data.order.order.subarray(start, end);
    const column = split.feature * data.columns.rows;
    markLeftRows(rows, data.columns.values, column, split.threshold, goesLeft);
    const mid = data.order.partition(start, end, goesLeft);

    const left = builder.setSplit(node, split.feature, split.threshold);
    grow(left, start, mid, depth + 1);
    grow(left + 1, mid, end, depth + 1);
  };
  grow(builder.addRoot(), 0, data.order.size, 0);
}

function addToMargins(
  data: GradientData,
  start: number,
  end: number,
  output: number,
): void {
  for (let i = start; i < end; i++) data.margins[data.order.order[i]] += output;
}

function gradientSums(
  data: GradientData,
  start: number,
  end: number,
): [number, number] {
  let g = 0;
  let h = 0;
  for (let i = start; i < end; i++) {
    const row = data.order.order[i];
    g += data.grad[row];
    h += data.hess[row];
  }
  return [g, h];
}

function bestGainSplit(
  data: GradientData,
  start: number,
  end: number,
  g: number,
  h: number,
  params: BoostingTreeParams,
): GainSplit | null {
  const best: GainSplit = { feature: -1, threshold: 0, gain: -Infinity };
  const parent = (g * g) / (h + params.lambda);
  for (let f = 0; f < data.columns.cols; f++) {
    scanFeature(data, f, start, end, [g, h, parent], params, best);
  }
  const enough = Math.max(MIN_GAIN, params.gamma);
  return best.feature >= 0 && best.gain >= enough ? best : null;
}

function scanFeature(
  data: GradientData,
  f: number,
  start: number,
  end: number,
  [g, h, parent]: [number, number, number],
  params: BoostingTreeParams,
  best: GainSplit,
): void {
  const { order, size } = data.order;
  const { grad, hess } = data;
  const { lambda, minChildWeight } = params;
  const values = data.columns.values;
  const column = f * data.columns.rows;
  const base = f * size;
  let gl = 0;
  let hl = 0;
  for (let i = start; i < end - 1; i++) {
    const row = order[base + i];
    gl += grad[row];
    hl += hess[row];
    const value = values[column + row];
    const next = values[column + order[base + i + 1]];
    if (next <= value || hl < minChildWeight) continue;
    const hr = h - hl;
    if (hr < minChildWeight) continue;
    const gr = g - gl;
    const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
    if (gain > best.gain) {
      best.feature = f;
      best.threshold = splitThreshold(value, next);
      best.gain = gain;
    }
  }
}
