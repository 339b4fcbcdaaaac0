import { InvalidInputError } from '../errors.js';
import type { Labels } from '../core/detector.js';

/**
 * Cumulative true and false positives at each distinct score, from the
 * highest down: scikit-learn's `_binary_clf_curve`. Rows with equal scores
 * enter together, which is how ties are handled by ROC-AUC and average
 * precision.
 */
export interface BinaryCurve {
  readonly truePositives: Float64Array;
  readonly falsePositives: Float64Array;
  readonly positives: number;
  readonly negatives: number;
}

export function binaryCurve(
  labels: Labels,
  scores: ArrayLike<number>,
): BinaryCurve {
  assertSameLength(labels, scores);
  const order = descendingOrder(scores);
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length; i++) {
    if (labels[order[i]] === 1) tp++;
    else fp++;
    const next = order[i + 1];
    if (next === undefined || scores[next] !== scores[order[i]]) {
      tps.push(tp);
      fps.push(fp);
    }
  }
  return {
    truePositives: Float64Array.from(tps),
    falsePositives: Float64Array.from(fps),
    positives: tp,
    negatives: fp,
  };
}

/** Throws unless there is one finite score per label, and at least one. */
export function assertSameLength(
  labels: Labels,
  scores: ArrayLike<number>,
): void {
  if (labels.length !== scores.length || labels.length === 0) {
    throw new InvalidInputError(
      `${labels.length} labels and ${scores.length} scores: expected the same non-zero count`,
    );
  }
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) {
      throw new InvalidInputError(
        `score ${scores[i]} at row ${i}: expected a finite number`,
      );
    }
  }
}

function descendingOrder(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => scores[b] - scores[a]);
}
