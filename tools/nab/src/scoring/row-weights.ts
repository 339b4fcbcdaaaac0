import { MAX_TP_WEIGHT, scaledSigmoid } from './scaled-sigmoid.js';

/** One anomaly window as inclusive row indices into its file. */
export interface WindowRows {
  readonly start: number;
  readonly end: number;
}

/**
 * What a detection at each row of a file is worth, before the profile's
 * weights: `window[i]` is the index of the window holding row i (or -1),
 * and `unit[i]` is `s(p) / s(-1)` inside a window (a TP's share of the TP
 * weight) or `s(p)` outside (a negative share of the FP weight).
 */
export interface RowWeights {
  readonly window: Int32Array;
  readonly unit: Float64Array;
}

/** Weighs every row of a file; `windows` are sorted and disjoint. */
export function rowWeights(
  rowCount: number,
  windows: readonly WindowRows[],
): RowWeights {
  const weights = {
    window: new Int32Array(rowCount).fill(-1),
    unit: new Float64Array(rowCount).fill(-1),
  };
  windows.forEach((w, index) => weighWindow(weights, w, index));
  windows.forEach((w, index) => {
    const next = windows[index + 1]?.start ?? rowCount;
    weighAfterWindow(weights.unit, w, next);
  });
  return weights;
}

function weighWindow(weights: RowWeights, w: WindowRows, index: number): void {
  const width = w.end - w.start + 1;
  for (let i = w.start; i <= w.end; i++) {
    weights.window[i] = index;
    weights.unit[i] = scaledSigmoid(-(w.end - i + 1) / width) / MAX_TP_WEIGHT;
  }
}

/** Rows between a window and the next: FPs weighed by distance past it. */
function weighAfterWindow(
  unit: Float64Array,
  w: WindowRows,
  next: number,
): void {
  const width = w.end - w.start + 1;
  for (let i = w.end + 1; i < next; i++) {
    unit[i] = scaledSigmoid((i - w.end) / (width - 1));
  }
}
