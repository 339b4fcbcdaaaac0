import type { Labels } from '../core/detector.js';
import { averagePrecision } from './average-precision.js';
import { rocAuc } from './roc-auc.js';
import {
  confusionCounts,
  f1Of,
  precisionOf,
  recallOf,
} from './threshold-metrics.js';

/** The five figures every detector comparison reports. */
export interface ClassificationReport {
  readonly rocAuc: number;
  readonly averagePrecision: number;
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
}

/**
 * Ranking quality (ROC-AUC, average precision) of the scores, and the
 * quality of flagging rows at or above `threshold`.
 */
export function classificationReport(
  labels: Labels,
  scores: ArrayLike<number>,
  threshold: number,
): ClassificationReport {
  const counts = confusionCounts(labels, scores, threshold);
  return {
    rocAuc: rocAuc(labels, scores),
    averagePrecision: averagePrecision(labels, scores),
    f1: f1Of(counts),
    precision: precisionOf(counts),
    recall: recallOf(counts),
  };
}
