import type { Bus, Logger } from '@hostwatch/transport';
import type { Registry } from 'prom-client';
import { InvalidOptionError } from './errors.js';

export const DEFAULT_CSV_PATH = 'data/performance_log.csv';
export const DEFAULT_FLUSH_ROWS = 10;
export const DEFAULT_FLUSH_INTERVAL_MS = 1_000;
export const DEFAULT_ROTATE_BYTES = 100 * 1024 * 1024;
export const DEFAULT_LOGGER_DURABLE = 'logger';
/**
 * Results delivered but not yet acked. It bounds both the rows waiting for
 * a flush and the redelivery window after a crash (see last-written.ts).
 */
export const DEFAULT_LOGGER_MAX_IN_FLIGHT = 1_000;
/**
 * How long a delivered result may stay unacked before JetStream sends it
 * again. Rows are acked within a flush interval, so this mostly sets how
 * soon the results held by a crashed logger come back to its successor.
 */
export const DEFAULT_LOGGER_ACK_WAIT_MS = 10_000;

export interface LoggerOptions {
  readonly bus: Bus;
  readonly registry: Registry;
  readonly log: Logger;
  /** The active CSV; rotated files and the summary go beside it. */
  readonly csvPath?: string;
  /** Flush once this many rows wait. */
  readonly flushRows?: number;
  /** Flush at least this often while rows wait, ms. */
  readonly flushIntervalMs?: number;
  /** Rotate the CSV before it outgrows this size, bytes. */
  readonly rotateBytes?: number;
  /** Durable consumer name, shared by replicas (there should be one). */
  readonly durable?: string;
  readonly maxInFlight?: number;
  /** Redeliver a result not acked within this time, ms. */
  readonly ackWaitMs?: number;
}

export type ParsedLoggerOptions = Required<LoggerOptions>;

export function parseLoggerOptions(
  options: LoggerOptions,
): ParsedLoggerOptions {
  return Object.freeze({
    ...options,
    csvPath: options.csvPath ?? DEFAULT_CSV_PATH,
    flushRows: positive('flushRows', options.flushRows ?? DEFAULT_FLUSH_ROWS),
    flushIntervalMs: positive(
      'flushIntervalMs',
      options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS,
    ),
    rotateBytes: positive(
      'rotateBytes',
      options.rotateBytes ?? DEFAULT_ROTATE_BYTES,
    ),
    durable: options.durable ?? DEFAULT_LOGGER_DURABLE,
    maxInFlight: positive(
      'maxInFlight',
      options.maxInFlight ?? DEFAULT_LOGGER_MAX_IN_FLIGHT,
    ),
    ackWaitMs: positive(
      'ackWaitMs',
      options.ackWaitMs ?? DEFAULT_LOGGER_ACK_WAIT_MS,
    ),
  });
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidOptionError(
      `${name} ${value} is invalid: expected an integer >= 1`,
    );
  }
  return value;
}
