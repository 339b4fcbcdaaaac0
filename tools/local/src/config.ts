import { resolve } from 'node:path';
import {
  readConfig as readAlerterConfig,
  type AlerterConfig,
} from '@hostwatch/alerter';
import {
  readConfig as readCollectorConfig,
  type CollectorConfig,
} from '@hostwatch/collector';
import {
  readConfig as readLoggerConfig,
  type LoggerConfig,
} from '@hostwatch/logger';
import {
  readConfig as readScorerConfig,
  type ScorerConfig,
} from '@hostwatch/scorer';
import {
  readEnum,
  readInt,
  readOptionalString,
  readString,
  readUrl,
  type Env,
} from '@hostwatch/transport';

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;

/** The four services, in the order their ports are numbered. */
export const SERVICE_NAMES = [
  'collector',
  'scorer',
  'alerter',
  'logger',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** `/metrics` ports: 9101 collector, 9102 scorer, 9103 alerter, 9104 logger. */
export const DEFAULT_METRICS_PORTS: Readonly<Record<ServiceName, number>> =
  Object.freeze({ collector: 9101, scorer: 9102, alerter: 9103, logger: 9104 });

/** The repository's `data/` folder, whatever folder npm runs us in. */
export const DEFAULT_DATA_DIR = resolve(import.meta.dirname, '../../../data');

/** Everything local mode needs, read once from the environment. */
export interface LocalConfig {
  /** Set: use this NATS; unset: a nats-server on the PATH, else embedded. */
  readonly natsUrl: string | undefined;
  readonly natsUser: string | undefined;
  readonly natsPass: string | undefined;
  /** Where nats-server is looked for. */
  readonly path: string | undefined;
  readonly dataDir: string;
  readonly natsStoreDir: string;
  readonly modelsDir: string;
  readonly metricsHost: string;
  readonly metricsPorts: Readonly<Record<ServiceName, number>>;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly collector: CollectorConfig;
  readonly scorer: ScorerConfig;
  readonly alerter: AlerterConfig;
  readonly logger: LoggerConfig;
}

/**
 * Reads local mode's settings and, through their own config readers, the
 * four services'. Files default to `<HOSTWATCH_DATA_DIR>/...`; relative
 * paths are taken from the current folder. A bad value throws a
 * ConfigError naming the variable.
 */
export function readConfig(env: Env = process.env): LocalConfig {
  const dataDir = resolve(
    readString(env, 'HOSTWATCH_DATA_DIR', { default: DEFAULT_DATA_DIR }),
  );
  const serviceEnv = withFileDefaults(env, dataDir);
  return {
    natsUrl: readNatsUrl(env),
    natsUser: readOptionalString(env, 'NATS_USER'),
    natsPass: readOptionalString(env, 'NATS_PASS'),
    path: env.PATH,
    dataDir,
    natsStoreDir: resolve(dataDir, 'nats'),
    modelsDir: resolve(
      readString(env, 'MODELS_DIR', { default: resolve(dataDir, 'models') }),
    ),
    metricsHost: readString(env, 'METRICS_HOST', { default: '127.0.0.1' }),
    metricsPorts: readPorts(env),
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, { default: 'info' }),
    collector: readCollectorConfig(serviceEnv),
    scorer: readScorerConfig(serviceEnv),
    alerter: resolvePaths(readAlerterConfig(serviceEnv), 'alertsPath'),
    logger: resolvePaths(readLoggerConfig(serviceEnv), 'csvPath'),
  };
}

function readNatsUrl(env: Env): string | undefined {
  if (readOptionalString(env, 'NATS_URL') === undefined) return undefined;
  return readUrl(env, 'NATS_URL', { protocols: ['nats', 'tls'] });
}

function readPorts(env: Env): Record<ServiceName, number> {
  const port = (name: ServiceName) =>
    readInt(env, `${name.toUpperCase()}_METRICS_PORT`, {
      default: DEFAULT_METRICS_PORTS[name],
      min: 0,
      max: 65_535,
    });
  return {
    collector: port('collector'),
    scorer: port('scorer'),
    alerter: port('alerter'),
    logger: port('logger'),
  };
}

/** The services' own variables with local mode's defaults. */
function withFileDefaults(env: Env, dataDir: string): Env {
  return {
    ALERTS_FILE: resolve(dataDir, 'alerts.jsonl'),
    PERFORMANCE_LOG_FILE: resolve(dataDir, 'performance_log.csv'),
    ...env,
    // Each service has its own port here; see readPorts.
    METRICS_PORT: undefined,
  };
}

function resolvePaths<T, K extends keyof T & string>(config: T, key: K): T {
  return { ...config, [key]: resolve(String(config[key])) };
}
