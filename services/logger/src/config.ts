import {
  readDuration,
  readEnum,
  readInt,
  readOptionalString,
  readString,
  readUrl,
  type Env,
} from '@hostwatch/transport';
import {
  DEFAULT_CSV_PATH,
  DEFAULT_FLUSH_INTERVAL_MS,
  DEFAULT_LOGGER_ACK_WAIT_MS,
  DEFAULT_FLUSH_ROWS,
  DEFAULT_LOGGER_DURABLE,
  DEFAULT_LOGGER_MAX_IN_FLIGHT,
  DEFAULT_ROTATE_BYTES,
} from './logger-options.js';

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;

/** Everything `main.ts` needs, read once from the environment. */
export interface LoggerConfig {
  readonly natsUrl: string;
  readonly natsUser: string | undefined;
  readonly natsPass: string | undefined;
  readonly metricsHost: string;
  readonly metricsPort: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly csvPath: string;
  readonly flushRows: number;
  readonly flushIntervalMs: number;
  readonly rotateBytes: number;
  readonly durable: string;
  readonly maxInFlight: number;
  readonly ackWaitMs: number;
}

/**
 * Reads the logger's settings; a bad value throws a ConfigError naming
 * the variable, so the logger refuses to start.
 */
export function readConfig(env: Env = process.env): LoggerConfig {
  return {
    natsUrl: readUrl(env, 'NATS_URL', {
      default: 'nats://127.0.0.1:4222',
      protocols: ['nats', 'tls'],
    }),
    natsUser: readOptionalString(env, 'NATS_USER'),
    natsPass: readOptionalString(env, 'NATS_PASS'),
    metricsHost: readString(env, 'METRICS_HOST', { default: '127.0.0.1' }),
    metricsPort: readInt(env, 'METRICS_PORT', {
      default: 9104,
      min: 0,
      max: 65_535,
    }),
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, { default: 'info' }),
    csvPath: readString(env, 'PERFORMANCE_LOG_FILE', {
      default: DEFAULT_CSV_PATH,
    }),
    ...readSinkSettings(env),
  };
}

function readSinkSettings(env: Env) {
  return {
    flushRows: readInt(env, 'LOGGER_FLUSH_ROWS', {
      default: DEFAULT_FLUSH_ROWS,
      min: 1,
    }),
    flushIntervalMs: readDuration(env, 'LOGGER_FLUSH_INTERVAL', {
      default: DEFAULT_FLUSH_INTERVAL_MS,
      min: 1,
    }),
    rotateBytes: readInt(env, 'LOGGER_ROTATE_BYTES', {
      default: DEFAULT_ROTATE_BYTES,
      min: 4096,
    }),
    durable: readString(env, 'LOGGER_DURABLE', {
      default: DEFAULT_LOGGER_DURABLE,
      pattern: /^[A-Za-z0-9_-]{1,64}$/,
    }),
    maxInFlight: readInt(env, 'LOGGER_MAX_IN_FLIGHT', {
      default: DEFAULT_LOGGER_MAX_IN_FLIGHT,
      min: 1,
    }),
    ackWaitMs: readDuration(env, 'LOGGER_ACK_WAIT', {
      default: DEFAULT_LOGGER_ACK_WAIT_MS,
      min: 100,
    }),
  };
}
