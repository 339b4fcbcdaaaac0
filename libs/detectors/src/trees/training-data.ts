import type { DetectorName, Labels } from '../core/detector.js';
import {
  assertFiniteMatrix,
  type FeatureMatrix,
} from '../core/feature-matrix.js';
import { InsufficientDataError, InvalidInputError } from '../errors.js';

/** Throws unless `x` is finite with at least `minRows` rows and a column. */
export function checkTrainingMatrix(
  kind: DetectorName,
  x: FeatureMatrix,
  minRows: number,
): void {
  if (x.rows < minRows || x.cols < 1) {
    throw new InsufficientDataError(
      `${kind} got ${x.rows} rows x ${x.cols} features: expected at least ` +
        `${minRows} rows and 1 feature`,
    );
  }
  assertFiniteMatrix(x);
}

/**
 * Throws unless there is one 0/1 label per row and both classes occur;
 * returns the labels.
 */
export function checkLabels(
  kind: DetectorName,
  labels: Labels | undefined,
  rows: number,
): Labels {
  if (labels === undefined || labels.length !== rows) {
    throw new InvalidInputError(
      `${kind} got ${labels?.length ?? 'no'} labels: expected one per row ` +
        `(${rows})`,
    );
  }
  let anomalies = 0;
  for (let i = 0; i < rows; i++) {
    if (labels[i] > 1) {
      throw new InvalidInputError(
        `label ${labels[i]} at row ${i}: expected 0 (normal) or 1 (anomaly)`,
      );
    }
    anomalies += labels[i];
  }
  if (anomalies === 0 || anomalies === rows) {
    throw new InsufficientDataError(
      `${kind} got ${anomalies} anomalies in ${rows} rows: expected both ` +
        'classes',
    );
  }
  return labels;
}
