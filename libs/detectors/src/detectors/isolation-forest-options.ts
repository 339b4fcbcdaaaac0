import { integerOption, numberOption } from '../trees/option-checks.js';

export interface IsolationForestOptions {
  /** Number of isolation trees. */
  readonly trees: number;
  /** Rows drawn (without replacement) for each tree: psi in the paper. */
  readonly sampleSize: number;
  readonly seed: number;
  /**
   * Share of the training rows expected to be anomalous: `fit` sets the
   * threshold to the (1 - contamination) quantile of the training scores.
   */
  readonly contamination: number;
}

export const DEFAULT_ISOLATION_TREES = 100;
export const DEFAULT_ISOLATION_SAMPLE_SIZE = 256;
export const DEFAULT_ISOLATION_SEED = 0;
/**
 * Trained on normal data, 5 % of the training rows score above the
 * threshold: a false-alarm rate a person watching a host can live with,
 * and low enough that a drifting host still crosses it.
 */
export const DEFAULT_ISOLATION_CONTAMINATION = 0.05;

export function parseIsolationForestOptions(
  options: Partial<IsolationForestOptions> = {},
): IsolationForestOptions {
  return Object.freeze({
    trees: integerOption(
      'trees',
      options.trees ?? DEFAULT_ISOLATION_TREES,
      1,
      10_000,
    ),
    sampleSize: integerOption(
      'sampleSize',
      options.sampleSize ?? DEFAULT_ISOLATION_SAMPLE_SIZE,
      2,
    ),
    seed: integerOption(
      'seed',
      options.seed ?? DEFAULT_ISOLATION_SEED,
      0,
      2 ** 32 - 1,
    ),
    contamination: numberOption(
      'contamination',
      options.contamination ?? DEFAULT_ISOLATION_CONTAMINATION,
      '(0, 0.5]',
      (value) => value > 0 && value <= 0.5,
    ),
  });
}
