import type { MemberName } from '@hostwatch/detectors';
import { ScorerOptionError } from './errors.js';

/**
 * Everything a scorer can be told, with its defaults. `config.ts` fills it
 * from the environment; tests and the bench pass it directly.
 */
export interface ScorerOptions {
  /** Names the service in dead letters, logs and the lease owner id. */
  readonly service?: string;
  /** This replica's id, unique among live replicas. */
  readonly replicaId?: string;
  /** Durable consumer name (partition k adds `-p<k>`). */
  readonly durable?: string;
  /**
   * Partitions of `metrics.*` (see partitions/partition-subjects.ts); 0
   * means one consumer on `metrics.>` and no leases.
   */
  readonly partitions?: number;
  /** Messages handed to handlers before their acks come back. */
  readonly maxInFlight?: number;
  /** Redeliver a message not acked within this time, ms. */
  readonly ackWaitMs?: number;
  /** Sample time a host without a trained model learns before scoring. */
  readonly warmupMs?: number;
  /** Rows of the warm-up and rolling window, the memory cap per host. */
  readonly windowSize?: number;
  /** Fewest rows an online fit accepts. */
  readonly minFitSamples?: number;
  /** Samples scored between two online refits. */
  readonly refitEvery?: number;
  /** The members an online model trains (unsupervised only). */
  readonly onlineDetectors?: readonly MemberName[];
  /** Features an online model learns: the seed's seven by default. */
  readonly onlineFeatures?: readonly string[];
  /** Page-Hinkley on the ensemble score. */
  readonly driftDelta?: number;
  readonly driftThreshold?: number;
  readonly driftMinInstances?: number;
  /** A sample stamped further than this ahead of the clock is rejected. */
  readonly maxFutureMs?: number;
  /** Lease time of a partition claim and of a replica's presence, ms. */
  readonly leaseTtlMs?: number;
  /** Seed of online fits, so replicas agree on a host's model. */
  readonly seed?: number;
}

export type ParsedScorerOptions = Readonly<Required<ScorerOptions>>;

export const DEFAULT_SERVICE = 'scorer';
export const DEFAULT_DURABLE = 'scorer';
export const DEFAULT_PARTITIONS = 0;
export const DEFAULT_MAX_IN_FLIGHT = 1024;
export const DEFAULT_ACK_WAIT_MS = 30_000;
/** The default warm-up: ten minutes of samples. */
export const DEFAULT_WARMUP_MS = 10 * 60_000;
/** Ten minutes at 1 Hz: ~17 KiB of float32 rows per host. */
export const DEFAULT_WINDOW_SIZE = 600;
export const DEFAULT_MIN_FIT_SAMPLES = 30;
export const DEFAULT_REFIT_EVERY = 600;
/**
 * What a host learns online until a trained model arrives. LOF and the
 * one-class SVM score grow with the distance past what the warm-up saw, so
 * together they outvote the forest, which scores any value past the
 * window's range like the range's edge (a plain memory stress on a quiet
 * host stays below its threshold). The price per host: LOF keeps the
 * window (~40 KiB) and each refit trains libsvm on it (tens of ms every
 * SCORER_REFIT_EVERY samples). A scorer serving thousands of hosts online
 * can choose `isolation_forest,pca_reconstruction` (cheap, far less
 * sensitive), or better, upload trained models.
 */
export const DEFAULT_ONLINE_DETECTORS: readonly MemberName[] = [
  'isolation_forest',
  'local_outlier_factor',
  'one_class_svm',
];
/**
 * Page-Hinkley on the ensemble score, the members' calibrated scores
 * averaged into [0, 1] (0.5 on average over normal data, sd ~0.18, and
 * strongly autocorrelated, as host metrics are). Measured on the fixtures
 * with a five-member fleet model: λ = 10 alarmed every ~200 normal
 * samples; λ = 50 (the seed's value) alarmed once in 3,000 normal samples
 * and caught a +8 °C CPU temperature shift (mean score 0.50 → 0.69) after
 * ~530 samples, about nine minutes at 1 Hz. δ = 0.005 vs 0.02 changed
 * little. So the seed's λ stays, now on a scale where it means something.
 */
export const DEFAULT_DRIFT_DELTA = 0.005;
export const DEFAULT_DRIFT_THRESHOLD = 50;
export const DEFAULT_DRIFT_MIN_INSTANCES = 30;
export const DEFAULT_MAX_FUTURE_MS = 60_000;
export const DEFAULT_LEASE_TTL_MS = 10_000;
export const DEFAULT_SEED = 0;

const DEFAULTS: Omit<ParsedScorerOptions, 'replicaId' | 'onlineFeatures'> = {
  service: DEFAULT_SERVICE,
  durable: DEFAULT_DURABLE,
  partitions: DEFAULT_PARTITIONS,
  maxInFlight: DEFAULT_MAX_IN_FLIGHT,
  ackWaitMs: DEFAULT_ACK_WAIT_MS,
  warmupMs: DEFAULT_WARMUP_MS,
  windowSize: DEFAULT_WINDOW_SIZE,
  minFitSamples: DEFAULT_MIN_FIT_SAMPLES,
  refitEvery: DEFAULT_REFIT_EVERY,
  onlineDetectors: DEFAULT_ONLINE_DETECTORS,
  driftDelta: DEFAULT_DRIFT_DELTA,
  driftThreshold: DEFAULT_DRIFT_THRESHOLD,
  driftMinInstances: DEFAULT_DRIFT_MIN_INSTANCES,
  maxFutureMs: DEFAULT_MAX_FUTURE_MS,
  leaseTtlMs: DEFAULT_LEASE_TTL_MS,
  seed: DEFAULT_SEED,
};

/** Members that learn without labels: the only ones a host can fit. */
const UNSUPERVISED: ReadonlySet<string> = new Set([
  'isolation_forest',
  'one_class_svm',
  'local_outlier_factor',
  'pca_reconstruction',
]);

/** Applies defaults, validates every value and freezes the result. */
export function parseScorerOptions(
  options: ScorerOptions = {},
  onlineFeatures: readonly string[],
): ParsedScorerOptions {
  const parsed: ParsedScorerOptions = {
    ...DEFAULTS,
    replicaId: randomReplicaId(),
    onlineFeatures,
    ...definedOnly(options),
  };
  checkIntegers(parsed);
  checkWindow(parsed);
  checkOnline(parsed);
  checkDrift(parsed);
  return Object.freeze(parsed);
}

function definedOnly(options: ScorerOptions): ScorerOptions {
  const entries = Object.entries(options).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries);
}

function randomReplicaId(): string {
  return `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

function checkIntegers(o: ParsedScorerOptions): void {
  atLeast('partitions', o.partitions, 0);
  atLeast('maxInFlight', o.maxInFlight, 1);
  atLeast('ackWaitMs', o.ackWaitMs, 100);
  atLeast('warmupMs', o.warmupMs, 0);
  atLeast('maxFutureMs', o.maxFutureMs, 0);
  atLeast('leaseTtlMs', o.leaseTtlMs, 300);
  atLeast('seed', o.seed, 0);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(o.replicaId)) {
    throw new ScorerOptionError('replicaId', o.replicaId, '1-64 [A-Za-z0-9_-]');
  }
}

function checkWindow(o: ParsedScorerOptions): void {
  atLeast('minFitSamples', o.minFitSamples, 2);
  atLeast('windowSize', o.windowSize, o.minFitSamples);
  atLeast('refitEvery', o.refitEvery, 1);
}

function checkOnline(o: ParsedScorerOptions): void {
  if (o.onlineDetectors.length === 0) {
    throw new ScorerOptionError('onlineDetectors', '', 'at least one detector');
  }
  for (const name of o.onlineDetectors) {
    if (!UNSUPERVISED.has(name)) {
      throw new ScorerOptionError(
        'onlineDetectors',
        name,
        `one of ${[...UNSUPERVISED].join(', ')} (no labels online)`,
      );
    }
  }
  if (o.onlineFeatures.length === 0) {
    throw new ScorerOptionError('onlineFeatures', '', 'at least one feature');
  }
}

function checkDrift(o: ParsedScorerOptions): void {
  if (!(o.driftDelta >= 0 && Number.isFinite(o.driftDelta))) {
    throw new ScorerOptionError('driftDelta', o.driftDelta, 'a number >= 0');
  }
  if (!(o.driftThreshold > 0 && Number.isFinite(o.driftThreshold))) {
    throw new ScorerOptionError('driftThreshold', o.driftThreshold, '> 0');
  }
  atLeast('driftMinInstances', o.driftMinInstances, 1);
}

function atLeast(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new ScorerOptionError(name, value, `an integer >= ${min}`);
  }
}
