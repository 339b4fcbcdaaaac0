import type { Labels } from '../core/detector.js';
import { assertSameLength } from './binary-curve.js';

/** Counts of a thresholded score against labels (1 anomaly, 0 normal). */
export interface ConfusionCounts {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
}

/** A row is flagged when its score is at or above the threshold. */
export function confusionCounts(
  labels: Labels,
  scores: ArrayLike<number>,
  threshold: number,
): ConfusionCounts {
  assertSameLength(labels, scores);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const flagged = scores[i] >= threshold;
    if (labels[i] === 1) {
      if (flagged) tp++;
      else fn++;
    } else if (flagged) fp++;
  }
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: labels.length - tp - fp - fn,
  };
}

/** Flagged rows that are anomalies; 0 when nothing is flagged (sklearn). */
export function precision(
  labels: Labels,
  scores: ArrayLike<number>,
  threshold: number,
): number {
  return precisionOf(confusionCounts(labels, scores, threshold));
}

/** Anomalies that are flagged; 0 when there are none (sklearn). */
export function recall(
  labels: Labels,
  scores: ArrayLike<number>,
  threshold: number,
): number {
  return recallOf(confusionCounts(labels, scores, threshold));
}

/** Harmonic mean of precision and recall; 0 when both are 0. */
export function f1Score(
  labels: Labels,
  scores: ArrayLike<number>,
  threshold: number,
): number {
  return f1Of(confusionCounts(labels, scores, threshold));
}

export function precisionOf(counts: ConfusionCounts): number {
  const flagged = counts.truePositives + counts.falsePositives;
  return flagged === 0 ? 0 : counts.truePositives / flagged;
}

export function recallOf(counts: ConfusionCounts): number {
  const anomalies = counts.truePositives + counts.falseNegatives;
  return anomalies === 0 ? 0 : counts.truePositives / anomalies;
}

/** 2 tp / (2 tp + fp + fn), the form scikit-learn computes. */
export function f1Of(counts: ConfusionCounts): number {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  const denominator = 2 * tp + fp + fn;
  return denominator === 0 ? 0 : (2 * tp) / denominator;
}
