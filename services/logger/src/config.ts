import {
  readDuration,
  readInt,
  readLogLevel,
  readMetricsSettings,
  readNatsSettings,
  readString,
  type Env,
  type MetricsSettings,
  type NatsSettings,
  type ServiceLogLevel,
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

/** The logger's `/metrics` port when `METRICS_PORT` is unset. */
export const DEFAULT_LOGGER_METRICS_PORT = 9104;

/** Everything `main.ts` needs, read once from the environment. */
export interface LoggerConfig extends NatsSettings, MetricsSettings {
  readonly logLevel: ServiceLogLevel;
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
    ...readNatsSettings(env),
    ...readMetricsSettings(env, DEFAULT_LOGGER_METRICS_PORT),
    logLevel: readLogLevel(env),
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
