import {
  readDuration,
  readInt,
  readList,
  readLogLevel,
  readMetricsSettings,
  readNatsSettings,
  readNumber,
  readOptionalString,
  readString,
} from '@hostwatch/transport';
import type {
  Env,
  MetricsSettings,
  NatsSettings,
  ServiceLogLevel,
} from '@hostwatch/transport';
import type { MemberName } from '@hostwatch/detectors';
import {
  DEFAULT_ACK_WAIT_MS,
  DEFAULT_DRIFT_DELTA,
  DEFAULT_DRIFT_THRESHOLD,
  DEFAULT_DRIFT_MIN_INSTANCES,
  DEFAULT_LEASE_TTL_MS,
  DEFAULT_MAX_FUTURE_MS,
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_MIN_FIT_SAMPLES,
  DEFAULT_ONLINE_DETECTORS,
  DEFAULT_PARTITIONS,
  DEFAULT_REFIT_EVERY,
  DEFAULT_WARMUP_MS,
  DEFAULT_WINDOW_SIZE,
} from './options.js';
import type { ScorerOptions } from './options.js';

export const DEFAULT_SCORER_METRICS_PORT = 9102;

/** Everything `main.ts` needs, read once from the environment. */
export interface ScorerConfig extends NatsSettings, MetricsSettings {
  readonly logLevel: ServiceLogLevel;
  readonly modelBucket: string;
  readonly scorer: ScorerOptions;
}

/**
 * Reads the scorer's settings (see the README's table); a bad value
 * throws a ConfigError naming the variable, so the scorer refuses to start.
 */
export function readConfig(env: Env = process.env): ScorerConfig {
  return {
    ...readNatsSettings(env),
    ...readMetricsSettings(env, DEFAULT_SCORER_METRICS_PORT),
    logLevel: readLogLevel(env),
    modelBucket: readString(env, 'MODEL_BUCKET', {
      default: 'models',
      pattern: /^[A-Za-z0-9_-]{1,64}$/,
    }),
    scorer: readScorerOptions(env),
  };
}

function readScorerOptions(env: Env): ScorerOptions {
  return {
    replicaId: readOptionalString(env, 'SCORER_REPLICA_ID'),
    durable: readString(env, 'SCORER_DURABLE', {
      default: 'scorer',
      pattern: /^[A-Za-z0-9_-]{1,64}$/,
    }),
    partitions: readInt(env, 'SCORER_PARTITIONS', {
      default: DEFAULT_PARTITIONS,
      min: 0,
      max: 1024,
    }),
    maxInFlight: readInt(env, 'SCORER_MAX_IN_FLIGHT', {
      default: DEFAULT_MAX_IN_FLIGHT,
      min: 1,
    }),
    ackWaitMs: readDuration(env, 'SCORER_ACK_WAIT', {
      default: DEFAULT_ACK_WAIT_MS,
      min: 100,
    }),
    warmupMs: readDuration(env, 'SCORER_WARMUP', {
      default: DEFAULT_WARMUP_MS,
    }),
    windowSize: readInt(env, 'SCORER_WINDOW_SIZE', {
      default: DEFAULT_WINDOW_SIZE,
      min: 2,
    }),
    minFitSamples: readInt(env, 'SCORER_MIN_FIT_SAMPLES', {
      default: DEFAULT_MIN_FIT_SAMPLES,
      min: 2,
    }),
    refitEvery: readInt(env, 'SCORER_REFIT_EVERY', {
      default: DEFAULT_REFIT_EVERY,
      min: 1,
    }),
    onlineDetectors: readList(env, 'SCORER_ONLINE_DETECTORS', {
      default: DEFAULT_ONLINE_DETECTORS,
    }) as readonly MemberName[],
    driftDelta: readNumber(env, 'SCORER_DRIFT_DELTA', {
      default: DEFAULT_DRIFT_DELTA,
      min: 0,
    }),
    driftThreshold: readNumber(env, 'SCORER_DRIFT_THRESHOLD', {
      default: DEFAULT_DRIFT_THRESHOLD,
      min: Number.MIN_VALUE,
    }),
    driftMinInstances: readInt(env, 'SCORER_DRIFT_MIN_INSTANCES', {
      default: DEFAULT_DRIFT_MIN_INSTANCES,
      min: 1,
    }),
    maxFutureMs: readDuration(env, 'SCORER_MAX_FUTURE', {
      default: DEFAULT_MAX_FUTURE_MS,
    }),
    leaseTtlMs: readDuration(env, 'SCORER_LEASE_TTL', {
      default: DEFAULT_LEASE_TTL_MS,
      min: 300,
    }),
  };
}
