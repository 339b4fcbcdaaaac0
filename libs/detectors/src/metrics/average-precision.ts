import type { Labels } from '../core/detector.js';
import { binaryCurve } from './binary-curve.js';
import { assertBothClasses } from './roc-auc.js';

/**
 * Average precision as scikit-learn's `average_precision_score`: the sum
 * over distinct thresholds, from the highest score down, of the precision
 * at that threshold times the recall it adds. A step function, not the
 * interpolated (trapezoid) area, which is optimistic.
 */
export function averagePrecision(
  labels: Labels,
  scores: ArrayLike<number>,
): number {
  const curve = binaryCurve(labels, scores);
  assertBothClasses(curve.positives, curve.negatives, 'average precision');
  const { truePositives: tps, falsePositives: fps, positives } = curve;
  let sum = 0;
  let prevTp = 0;
  for (let i = 0; i < tps.length; i++) {
    const precision = tps[i] / (tps[i] + fps[i]);
    sum += ((tps[i] - prevTp) / positives) * precision;
    prevTp = tps[i];
  }
  return sum;
}
