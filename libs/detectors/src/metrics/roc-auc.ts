import { InvalidInputError } from '../errors.js';
import type { Labels } from '../core/detector.js';
import { binaryCurve } from './binary-curve.js';

/**
 * Area under the ROC curve, as scikit-learn's `roc_auc_score`: trapezoids
 * between the points of each distinct threshold, so tied scores count as
 * half right. Needs both classes among the labels.
 */
export function rocAuc(labels: Labels, scores: ArrayLike<number>): number {
  const curve = binaryCurve(labels, scores);
  assertBothClasses(curve.positives, curve.negatives, 'ROC-AUC');
  const { truePositives: tps, falsePositives: fps } = curve;
  let area = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let i = 0; i < tps.length; i++) {
    area += ((fps[i] - prevFp) * (tps[i] + prevTp)) / 2;
    prevTp = tps[i];
    prevFp = fps[i];
  }
  return area / (curve.positives * curve.negatives);
}

/** Throws unless the labels hold at least one row of each class. */
export function assertBothClasses(
  positives: number,
  negatives: number,
  metric: string,
): void {
  if (positives === 0 || negatives === 0) {
    throw new InvalidInputError(
      `labels hold ${positives} anomalies and ${negatives} normal rows: ` +
        `${metric} expects at least one of each`,
    );
  }
}
