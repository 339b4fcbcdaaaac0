import {
  MEMBER_NAMES,
  SUPERVISED_DETECTORS,
  parseWindowedFeatureOptions,
} from '@hostwatch/detectors';
import type { MemberName, WindowedFeatureOptions } from '@hostwatch/detectors';
import { UsageError } from '../errors.js';

/**
 * One set of parameters for every file of a run: the benchmark allows no
 * per-file tuning.
 */
export interface NabRunOptions {
  /** Ensemble members, in report order (unsupervised detectors only). */
  readonly detectors: readonly MemberName[];
  readonly features: WindowedFeatureOptions;
  /** Refit each member every this many rows after the probation; 0 never. */
  readonly refitEvery: number;
  /** A refit learns from at most this many of the latest past rows. */
  readonly trainRows: number;
  /** Raw scores a calibration compares each new score with. */
  readonly history: number;
  /** Raw scores averaged before calibration (1: none). */
  readonly smooth: number;
  /** Orders of magnitude of tail probability that map to score 1. */
  readonly decades: number;
  /** Rows after a detection whose scores are damped (0: none). */
  readonly quietRows: number;
  /** The score that counts as a detection for damping. */
  readonly detectionLevel: number;
  readonly seed: number;
}

/** Unsupervised detectors only: the benchmark gives no labels to learn. */
export const NAB_CANDIDATE_DETECTORS: readonly MemberName[] =
  MEMBER_NAMES.filter((name) => !SUPERVISED_DETECTORS.has(name));

export const DEFAULT_NAB_REFIT_EVERY = 0;
export const DEFAULT_NAB_TRAIN_ROWS = 2000;
export const DEFAULT_NAB_HISTORY = 2000;
export const DEFAULT_NAB_DECADES = 20;
export const DEFAULT_NAB_SMOOTH = 1;
export const DEFAULT_NAB_QUIET_ROWS = 0;
export const DEFAULT_NAB_DETECTION_LEVEL = 0.5;
export const DEFAULT_NAB_SEED = 0;

export function parseNabRunOptions(
  options: Partial<Omit<NabRunOptions, 'features'>> & {
    readonly features?: Partial<WindowedFeatureOptions>;
  },
  available: readonly MemberName[],
): NabRunOptions {
  return Object.freeze({
    detectors: detectorList(options.detectors, available),
    features: parseWindowedFeatureOptions(options.features),
    refitEvery: count(
      'refitEvery',
      options.refitEvery,
      DEFAULT_NAB_REFIT_EVERY,
      0,
    ),
    trainRows: count(
      'trainRows',
      options.trainRows,
      DEFAULT_NAB_TRAIN_ROWS,
      10,
    ),
    history: count('history', options.history, DEFAULT_NAB_HISTORY, 10),
    smooth: count('smooth', options.smooth, DEFAULT_NAB_SMOOTH, 1),
    decades: positive('decades', options.decades ?? DEFAULT_NAB_DECADES),
    quietRows: count('quietRows', options.quietRows, DEFAULT_NAB_QUIET_ROWS, 0),
    detectionLevel: positive(
      'detectionLevel',
      options.detectionLevel ?? DEFAULT_NAB_DETECTION_LEVEL,
    ),
    seed: count('seed', options.seed, DEFAULT_NAB_SEED, 0),
  });
}

function detectorList(
  wanted: readonly MemberName[] | undefined,
  available: readonly MemberName[],
): readonly MemberName[] {
  const usable = NAB_CANDIDATE_DETECTORS.filter((n) => available.includes(n));
  const list = wanted ?? usable;
  const bad = list.filter((name) => !usable.includes(name));
  if (list.length === 0 || bad.length > 0) {
    throw new UsageError(
      `detectors "${list.join(',')}" cannot run: expected some of ${usable.join(', ')}`,
    );
  }
  return Object.freeze([...list]);
}

function count(
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min) {
    throw new UsageError(
      `${name} ${String(v)} is out of range: expected an integer >= ${min}`,
    );
  }
  return v;
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(
      `${name} ${String(value)} is out of range: expected a number > 0`,
    );
  }
  return value;
}
