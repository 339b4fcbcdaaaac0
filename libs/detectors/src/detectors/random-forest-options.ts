import { integerOption } from '../trees/option-checks.js';
import { InvalidOptionError } from '../errors.js';

export interface RandomForestOptions {
  readonly trees: number;
  /** Features tried per split: 'sqrt' of the feature count, or a count. */
  readonly maxFeatures: 'sqrt' | number;
  /** null: grow until leaves are pure. */
  readonly maxDepth: number | null;
  /** Fewest rows a node needs to be split. */
  readonly minSamplesSplit: number;
  /** Fewest rows each side of a split keeps. */
  readonly minSamplesLeaf: number;
  readonly seed: number;
}

export const DEFAULT_FOREST_TREES = 100;
export const DEFAULT_FOREST_MAX_FEATURES = 'sqrt';
export const DEFAULT_FOREST_MAX_DEPTH = null;
export const DEFAULT_FOREST_MIN_SAMPLES_SPLIT = 2;
export const DEFAULT_FOREST_MIN_SAMPLES_LEAF = 1;
export const DEFAULT_FOREST_SEED = 0;
/** A row is an anomaly when most trees' leaves say so. */
export const DEFAULT_FOREST_THRESHOLD = 0.5;

export function parseRandomForestOptions(
  options: Partial<RandomForestOptions> = {},
): RandomForestOptions {
  return Object.freeze({
    trees: integerOption(
      'trees',
      options.trees ?? DEFAULT_FOREST_TREES,
      1,
      10_000,
    ),
    maxFeatures: parseMaxFeatures(options.maxFeatures),
    maxDepth: parseMaxDepth(options.maxDepth),
    minSamplesSplit: integerOption(
      'minSamplesSplit',
      options.minSamplesSplit ?? DEFAULT_FOREST_MIN_SAMPLES_SPLIT,
      2,
    ),
    minSamplesLeaf: integerOption(
      'minSamplesLeaf',
      options.minSamplesLeaf ?? DEFAULT_FOREST_MIN_SAMPLES_LEAF,
      1,
    ),
    seed: integerOption(
      'seed',
      options.seed ?? DEFAULT_FOREST_SEED,
      0,
      2 ** 32 - 1,
    ),
  });
}

/** The number of features to try per split for `features` features. */
export function featuresPerSplit(
  options: RandomForestOptions,
  features: number,
): number {
  const { maxFeatures } = options;
  if (maxFeatures === 'sqrt') {
    return Math.max(1, Math.floor(Math.sqrt(features)));
  }
  return Math.min(maxFeatures, features);
}

function parseMaxDepth(value: number | null | undefined): number | null {
  const maxDepth = value === undefined ? DEFAULT_FOREST_MAX_DEPTH : value;
  return maxDepth === null ? null : integerOption('maxDepth', maxDepth, 1);
}

function parseMaxFeatures(value: unknown): 'sqrt' | number {
  if (value === undefined || value === 'sqrt') {
    return DEFAULT_FOREST_MAX_FEATURES;
  }
  if (typeof value !== 'number') {
    throw new InvalidOptionError(
      `maxFeatures ${JSON.stringify(value)} is invalid: expected 'sqrt' ` +
        'or an integer >= 1',
    );
  }
  return integerOption('maxFeatures', value, 1);
}
