import { hostname } from 'node:os';
import { parseArgs } from 'node:util';

import {
  DEFAULT_PROC_ROOT,
  DEFAULT_SYS_ROOT,
  DEFAULT_TOP_N,
} from '@hostwatch/sensors';
import {
  ConfigError,
  DEFAULT_STREAMS,
  HOST_NAME_PATTERN,
  readBool,
  readDuration,
  readInt,
  readOptionalString,
  readString,
  readLogLevel,
  readMetricsSettings,
  readNatsSettings,
  type Env,
  type NatsSettings,
  type MetricsSettings,
  type ServiceLogLevel,
  type StreamSpec,
} from '@hostwatch/transport';

import {
  DEFAULT_BUFFER_SIZE,
  DEFAULT_INTERVAL_MS,
  MIN_INTERVAL_MS,
} from './collector-options.js';
import { parseReplaySpeed, type ReplaySpeed } from './replay/replay-options.js';

/** Everything `main.ts` needs, read once from the environment. */
export interface CollectorConfig extends NatsSettings, MetricsSettings {
  readonly natsToken: string | undefined;
  readonly host: string;
  readonly intervalMs: number;
  readonly topN: number;
  readonly bufferSize: number;
  /** nvidia-smi command; null when COLLECTOR_NVIDIA_SMI is `off`. */
  readonly nvidiaSmi: string | null;
  /** Where the host's procfs and sysfs are mounted (in a container). */
  readonly procRoot: string;
  readonly sysRoot: string;
  /** The METRICS stream's limits (created with them when missing). */
  readonly stream: StreamSpec;
  readonly logLevel: ServiceLogLevel;
  /** Set when the collector replays a CSV instead of reading the host. */
  readonly replay: ReplayConfig | null;
}

export interface ReplayConfig {
  readonly file: string;
  readonly speed: ReplaySpeed;
  readonly loop: boolean;
}

export const DEFAULT_METRICS_PORT = 9101;

/**
 * Reads the collector's settings; a bad value throws a ConfigError naming
 * the variable, so the collector refuses to start.
 */
export function readConfig(
  env: Env = process.env,
  argv: readonly string[] = [],
): CollectorConfig {
  return fromEnv({ ...env, ...definedOnly(argvOverrides(argv)) });
}

function definedOnly(env: Env): Env {
  return Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined),
  );
}

function fromEnv(env: Env): CollectorConfig {
  return {
    ...readNatsSettings(env),
    natsToken: readOptionalString(env, 'NATS_TOKEN'),
    host: readString(env, 'COLLECTOR_HOST', {
      default: defaultHostName(),
      pattern: HOST_NAME_PATTERN,
    }),
    intervalMs: readDuration(env, 'COLLECTOR_INTERVAL', {
      default: DEFAULT_INTERVAL_MS,
      min: MIN_INTERVAL_MS,
    }),
    ...readMetricsSettings(env, DEFAULT_METRICS_PORT),
    topN: readInt(env, 'COLLECTOR_TOP_N', {
      default: DEFAULT_TOP_N,
      min: 0,
      max: 100,
    }),
    bufferSize: readInt(env, 'COLLECTOR_BUFFER_SIZE', {
      default: DEFAULT_BUFFER_SIZE,
      min: 1,
    }),
    nvidiaSmi: readNvidiaSmi(env),
    procRoot: readString(env, 'COLLECTOR_PROC_ROOT', {
      default: DEFAULT_PROC_ROOT,
    }),
    sysRoot: readString(env, 'COLLECTOR_SYS_ROOT', {
      default: DEFAULT_SYS_ROOT,
    }),
    stream: readStream(env),
    logLevel: readLogLevel(env),
    replay: readReplay(env),
  };
}

/** The OS host name, cut to a subject token (`web-01.example` -> `web-01`). */
function defaultHostName(): string {
  const name = hostname()
    .split('.')[0]
    .replace(/[^A-Za-z0-9_-]/g, '_');
  return name === '' ? 'localhost' : name.slice(0, 128);
}

function readNvidiaSmi(env: Env): string | null {
  const command = readString(env, 'COLLECTOR_NVIDIA_SMI', {
    default: 'nvidia-smi',
  });
  return command === 'off' ? null : command;
}

function readStream(env: Env): StreamSpec {
  const metrics = DEFAULT_STREAMS.find((s) => s.name === 'METRICS');
  if (metrics === undefined)
    throw new Error('transport lib lists no METRICS stream');
  return {
    ...metrics,
    maxAgeMs: readDuration(env, 'COLLECTOR_STREAM_MAX_AGE', {
      default: metrics.maxAgeMs,
      min: 1_000,
    }),
    maxBytes: readInt(env, 'COLLECTOR_STREAM_MAX_BYTES', {
      default: metrics.maxBytes,
      min: 1024,
    }),
  };
}

function readReplay(env: Env): ReplayConfig | null {
  const file = readOptionalString(env, 'COLLECTOR_REPLAY_FILE');
  if (file === undefined) return null;
  const speed = readString(env, 'COLLECTOR_REPLAY_SPEED', { default: '1' });
  return {
    file,
    speed: replaySpeed(speed),
    loop: readBool(env, 'COLLECTOR_REPLAY_LOOP', { default: false }),
  };
}

function replaySpeed(value: string): ReplaySpeed {
  try {
    return parseReplaySpeed(value);
  } catch {
    throw new ConfigError(
      'COLLECTOR_REPLAY_SPEED',
      value,
      'a number > 0 or "max"',
    );
  }
}

/**
 * Command-line flags, as overrides of the variables they stand for:
 * `--replay <file> --speed <n|max> --host <name> --loop`.
 */
export function argvOverrides(argv: readonly string[]): Env {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      replay: { type: 'string' },
      speed: { type: 'string' },
      host: { type: 'string' },
      loop: { type: 'boolean' },
    },
  });
  return {
    COLLECTOR_REPLAY_FILE: values.replay,
    COLLECTOR_REPLAY_SPEED: values.speed,
    COLLECTOR_HOST: values.host,
    COLLECTOR_REPLAY_LOOP: values.loop === true ? 'true' : undefined,
  };
}
