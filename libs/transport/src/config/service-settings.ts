import {
  readEnum,
  readInt,
  readOptionalString,
  readString,
  readUrl,
  type Env,
} from './env.js';

/** Where NATS is when `NATS_URL` is unset. */
export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
/** Where `/metrics` listens when `METRICS_HOST` is unset. */
export const DEFAULT_SETTINGS_METRICS_HOST = '127.0.0.1';
/** The `LOG_LEVEL` values a service accepts. */
export const SERVICE_LOG_LEVELS = [
  'trace',
  'debug',
  'info',
  'warn',
  'error',
  'silent',
] as const;

export type ServiceLogLevel = (typeof SERVICE_LOG_LEVELS)[number];

/** `NATS_URL`, `NATS_USER`, `NATS_PASS`: how a service reaches NATS. */
export interface NatsSettings {
  readonly natsUrl: string;
  readonly natsUser: string | undefined;
  readonly natsPass: string | undefined;
}

/** `METRICS_HOST`, `METRICS_PORT`: where `/metrics` listens. */
export interface MetricsSettings {
  readonly metricsHost: string;
  readonly metricsPort: number;
}

export function readNatsSettings(env: Env): NatsSettings {
  return {
    natsUrl: readUrl(env, 'NATS_URL', {
      default: DEFAULT_NATS_URL,
      protocols: ['nats', 'tls'],
    }),
    natsUser: readOptionalString(env, 'NATS_USER'),
    natsPass: readOptionalString(env, 'NATS_PASS'),
  };
}

/** `METRICS_PORT` defaults to the service's own port (0: a free one). */
export function readMetricsSettings(
  env: Env,
  defaultPort: number,
): MetricsSettings {
  return {
    metricsHost: readString(env, 'METRICS_HOST', {
      default: DEFAULT_SETTINGS_METRICS_HOST,
    }),
    metricsPort: readMetricsPort(env, defaultPort),
  };
}

export function readMetricsPort(env: Env, defaultPort: number): number {
  return readInt(env, 'METRICS_PORT', {
    default: defaultPort,
    min: 0,
    max: 65_535,
  });
}

/** `LOG_LEVEL`, `info` when unset. */
export function readLogLevel(env: Env): ServiceLogLevel {
  return readEnum(env, 'LOG_LEVEL', SERVICE_LOG_LEVELS, { default: 'info' });
}
