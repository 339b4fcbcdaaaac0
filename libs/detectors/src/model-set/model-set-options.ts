import type { Dataset } from '../data/dataset.js';
import { InvalidOptionError } from '../errors.js';
import { DEFAULT_EXPLAINER_TOP } from '../explain/anomaly-explainer.js';
import { MEMBER_NAMES } from '../registry.js';
import type { DetectorOptions, MemberName } from '../registry.js';

/** What `trainModelSet` learns from and which detectors it trains. */
export interface TrainModelSetOptions {
  /** Normal operation only; fits the scaler and unsupervised detectors. */
  readonly normal: Dataset;
  /** With labels; fits random_forest, xgboost and rl_agent. */
  readonly labeled?: Dataset;
  /** Members to train, in this order; default every member. */
  readonly detectors?: readonly MemberName[];
  /** Seed for every seeded detector that has none in its own options. */
  readonly seed?: number;
  /** Options per detector, passed to its constructor. */
  readonly detectorOptions?: Partial<Record<MemberName, DetectorOptions>>;
  /** Features named in each result's explanation; default 3. */
  readonly explainTop?: number;
  /** Stamped into the model id; default now. */
  readonly createdAt?: Date;
}

export interface ParsedTrainModelSetOptions {
  readonly normal: Dataset;
  readonly labeled: Dataset | undefined;
  readonly detectors: readonly MemberName[];
  readonly seed: number;
  readonly detectorOptions: Partial<Record<MemberName, DetectorOptions>>;
  readonly explainTop: number;
  readonly createdAt: Date;
}

export const DEFAULT_MODEL_SET_DETECTORS: readonly MemberName[] = MEMBER_NAMES;
export const DEFAULT_MODEL_SET_SEED = 0;

/** Detectors whose options take a `seed`. */
export const SEEDED_DETECTORS: ReadonlySet<MemberName> = new Set([
  'isolation_forest',
  'random_forest',
  'rl_agent',
]);

export function parseTrainModelSetOptions(
  options: TrainModelSetOptions,
): ParsedTrainModelSetOptions {
  const detectors = options.detectors ?? DEFAULT_MODEL_SET_DETECTORS;
  checkDetectors(detectors);
  const seed = options.seed ?? DEFAULT_MODEL_SET_SEED;
  if (!Number.isInteger(seed) || seed < 0) {
    throw new InvalidOptionError(
      `seed ${seed} is not valid: expected a non-negative integer`,
    );
  }
  const explainTop = options.explainTop ?? DEFAULT_EXPLAINER_TOP;
  if (!Number.isInteger(explainTop) || explainTop < 1) {
    throw new InvalidOptionError(
      `explainTop ${explainTop} is not valid: expected an integer >= 1`,
    );
  }

  return Object.freeze({
    normal: options.normal,
    labeled: options.labeled,
    detectors,
    seed,
    detectorOptions: options.detectorOptions ?? {},
    explainTop,
    createdAt: options.createdAt ?? new Date(),
  });
}

function checkDetectors(detectors: readonly string[]): void {
  if (detectors.length === 0) {
    throw new InvalidOptionError(
      `detectors is empty: expected some of ${MEMBER_NAMES.join(', ')}`,
    );
  }
  const seen = new Set<string>();
  for (const name of detectors) {
    if (!(MEMBER_NAMES as readonly string[]).includes(name) || seen.has(name)) {
      throw new InvalidOptionError(
        `detector "${name}" is unknown or repeated: ` +
          `expected each at most once of ${MEMBER_NAMES.join(', ')}`,
      );
    }
    seen.add(name);
  }
}
