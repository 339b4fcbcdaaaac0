import { integerOption, numberOption } from '../trees/option-checks.js';

export interface LocalOutlierFactorOptions {
  /** Neighbours that define a point's density (`n_neighbors`). */
  readonly k: number;
  /**
   * LOF at or above which a sample is an anomaly. 1 means "as dense as its
   * neighbours"; scikit-learn's reference quality uses 1.5.
   */
  readonly threshold: number;
}

export const DEFAULT_LOF_K = 20;
export const DEFAULT_LOF_THRESHOLD = 1.5;

export function parseLocalOutlierFactorOptions(
  options: Partial<LocalOutlierFactorOptions> = {},
): LocalOutlierFactorOptions {
  return Object.freeze({
    k: integerOption('k', options.k ?? DEFAULT_LOF_K, 1, 1000),
    threshold: numberOption(
      'threshold',
      options.threshold ?? DEFAULT_LOF_THRESHOLD,
      'a finite number > 0',
      (value) => value > 0,
    ),
  });
}
