import {
  pino,
  type DestinationStream,
  type Logger,
  type LevelWithSilent,
} from 'pino';

export interface LoggerOptions {
  /** Service name, written as `service` on every line. */
  readonly service: string;
  readonly level?: LevelWithSilent;
  /** Extra paths to redact, on top of DEFAULT_REDACT_PATHS. */
  readonly redact?: readonly string[];
  /** Where lines go (default stdout); tests pass a stream to parse. */
  readonly destination?: DestinationStream;
}

export const DEFAULT_LOG_LEVEL: LevelWithSilent = 'info';

/** Credentials that must never reach a log line, at any depth we use. */
export const DEFAULT_REDACT_PATHS: readonly string[] = [
  'pass',
  'password',
  'token',
  'authorization',
  'webhookUrl',
  '*.pass',
  '*.password',
  '*.token',
  '*.authorization',
  '*.webhookUrl',
  'headers.authorization',
  '*.headers.authorization',
];

/**
 * The pino logger of a service: JSON lines, object first
 * (`log.warn({ err, subject }, 'sample rejected')`), credentials redacted.
 * For services and command-line tools; libraries never log.
 */
export function createLogger(options: LoggerOptions): Logger {
  const config = {
    level: options.level ?? DEFAULT_LOG_LEVEL,
    base: { service: options.service },
    redact: {
      paths: [...DEFAULT_REDACT_PATHS, ...(options.redact ?? [])],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return options.destination === undefined
    ? pino(config)
    : pino(config, options.destination);
}

export type { Logger };
