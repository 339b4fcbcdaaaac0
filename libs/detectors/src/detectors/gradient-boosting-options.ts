import { integerOption, numberOption } from '../trees/option-checks.js';

/** XGBoost's `binary:logistic` settings, under its names where they exist. */
export interface GradientBoostingOptions {
  /** Boosting rounds: one tree each. */
  readonly rounds: number;
  readonly maxDepth: number;
  /** Shrinkage of each tree's leaf weights (XGBoost's eta). */
  readonly learningRate: number;
  /** L2 penalty on leaf weights. */
  readonly lambda: number;
  /** Least loss reduction a split must bring (min_split_loss). */
  readonly gamma: number;
  /** Least hessian sum on each side of a split. */
  readonly minChildWeight: number;
  /** The probability every row starts from. */
  readonly baseScore: number;
}

export const DEFAULT_BOOSTING_ROUNDS = 100;
export const DEFAULT_BOOSTING_MAX_DEPTH = 6;
export const DEFAULT_BOOSTING_LEARNING_RATE = 0.3;
export const DEFAULT_BOOSTING_LAMBDA = 1;
export const DEFAULT_BOOSTING_GAMMA = 0;
export const DEFAULT_BOOSTING_MIN_CHILD_WEIGHT = 1;
export const DEFAULT_BOOSTING_BASE_SCORE = 0.5;
/** A row is an anomaly when its predicted probability reaches one half. */
export const DEFAULT_BOOSTING_THRESHOLD = 0.5;

const atLeastZero = (value: number) => value >= 0;

type Parsed<K extends keyof GradientBoostingOptions> = Pick<
  GradientBoostingOptions,
  K
>;

export function parseGradientBoostingOptions(
  options: Partial<GradientBoostingOptions> = {},
): GradientBoostingOptions {
  return Object.freeze({
    ...parseGrowth(options),
    ...parsePenalties(options),
  });
}

/** How many trees, how deep, how much each counts. */
function parseGrowth(
  options: Partial<GradientBoostingOptions>,
): Parsed<'rounds' | 'maxDepth' | 'learningRate' | 'baseScore'> {
  return {
    rounds: integerOption(
      'rounds',
      options.rounds ?? DEFAULT_BOOSTING_ROUNDS,
      1,
      10_000,
    ),
    maxDepth: integerOption(
      'maxDepth',
      options.maxDepth ?? DEFAULT_BOOSTING_MAX_DEPTH,
      1,
      30,
    ),
    learningRate: numberOption(
      'learningRate',
      options.learningRate ?? DEFAULT_BOOSTING_LEARNING_RATE,
      '(0, 1]',
      (value) => value > 0 && value <= 1,
    ),
    baseScore: numberOption(
      'baseScore',
      options.baseScore ?? DEFAULT_BOOSTING_BASE_SCORE,
      '(0, 1)',
      (value) => value > 0 && value < 1,
    ),
  };
}

/** What holds a tree back: XGBoost's regularisation. */
function parsePenalties(
  options: Partial<GradientBoostingOptions>,
): Parsed<'lambda' | 'gamma' | 'minChildWeight'> {
  return {
    lambda: numberOption(
      'lambda',
      options.lambda ?? DEFAULT_BOOSTING_LAMBDA,
      '[0, inf)',
      atLeastZero,
    ),
    gamma: numberOption(
      'gamma',
      options.gamma ?? DEFAULT_BOOSTING_GAMMA,
      '[0, inf)',
      atLeastZero,
    ),
    minChildWeight: numberOption(
      'minChildWeight',
      options.minChildWeight ?? DEFAULT_BOOSTING_MIN_CHILD_WEIGHT,
      '[0, inf)',
      atLeastZero,
    ),
  };
}
