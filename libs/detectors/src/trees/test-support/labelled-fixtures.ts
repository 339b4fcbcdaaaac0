import type { FeatureMatrix } from '../../core/feature-matrix.js';
import {
  readTable,
  referenceScaler,
} from '../../test-support/reference-fixtures.js';

/** labeled_training.csv and labeled_test.csv, standardised as the reference. */
export interface LabelledFixtures {
  readonly train: FeatureMatrix;
  readonly trainLabels: Uint8Array;
  readonly test: FeatureMatrix;
  readonly testLabels: Uint8Array;
}

export function labelledFixtures(): LabelledFixtures {
  const scaler = referenceScaler();
  const train = readTable('labeled_training.csv');
  const test = readTable('labeled_test.csv');
  return {
    train: scaler.transform(train.matrix),
    trainLabels: train.labels,
    test: scaler.transform(test.matrix),
    testLabels: test.labels,
  };
}
