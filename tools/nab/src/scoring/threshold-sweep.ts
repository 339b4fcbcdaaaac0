import type { Profile } from './profiles.js';

/**
 * The scorable rows of a whole corpus, flattened: every row after its
 * file's probationary period, with its score, its window (a corpus-wide
 * index, or -1) and its unit weight (see `RowWeights`).
 */
export interface ScorableRows {
  readonly score: Float64Array;
  readonly window: Int32Array;
  readonly unit: Float64Array;
  readonly windowCount: number;
}

/** The best threshold of a sweep and what it earns. */
export interface SweepResult {
  readonly threshold: number;
  readonly raw: number;
  readonly tp: number;
  readonly fp: number;
}

/** A threshold above every score in [0, 1]: nothing is detected. */
export const NO_DETECTION_THRESHOLD = 1.1;

/**
 * Tries every distinct score as the threshold (rows at or above it are
 * detections) and returns the one with the highest raw score, the
 * earliest (highest) threshold on ties. Within a window only the best
 * (earliest) detection counts; every detection outside one costs.
 */
export function sweepThresholds(
  rows: ScorableRows,
  profile: Profile,
): SweepResult {
  const order = descendingOrder(rows.score);
  const best = new Float64Array(rows.windowCount).fill(-profile.fnWeight);
  let raw = -profile.fnWeight * rows.windowCount;
  let result = { threshold: NO_DETECTION_THRESHOLD, raw, tp: 0, fp: 0 };
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const w = rows.window[i];
    if (w < 0) {
      raw += profile.fpWeight * rows.unit[i];
      fp++;
    } else {
      const gain = profile.tpWeight * rows.unit[i];
      if (best[w] < 0) tp++;
      if (gain > best[w]) raw += gain - best[w];
      best[w] = Math.max(best[w], gain);
    }
    const next = order[k + 1];
    const closesLevel =
      next === undefined || rows.score[next] !== rows.score[i];
    if (closesLevel && raw > result.raw) {
      result = { threshold: rows.score[i], raw, tp, fp };
    }
  }
  return result;
}

function descendingOrder(score: Float64Array): Uint32Array {
  const order = new Uint32Array(score.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => score[b] - score[a]);
}
