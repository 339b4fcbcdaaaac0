import type { HostSamplerOptions } from '@hostwatch/sensors';
import {
  isValidHostName,
  HOST_NAME_PATTERN,
  type Bus,
  type BusStatus,
  type Logger,
} from '@hostwatch/transport';
import type { Registry } from 'prom-client';

import { InvalidCollectorOptionError } from './errors.js';
import type { SampleSource } from './sampling/sample-source.js';

/** What the live collector and the replay share. */
export interface PublisherOptions {
  /** NATS or in-process: the collector publishes, the owner drains it. */
  readonly bus: Bus & Partial<BusStatus>;
  /** The `<host>` of `metrics.<host>`. */
  readonly host: string;
  /** Time between samples, ms. */
  readonly intervalMs?: number;
  /** Samples kept while the stream is unreachable. */
  readonly bufferSize?: number;
  /** Wait before retrying a failed publish, ms. */
  readonly retryDelayMs?: number;
  /** How long `stop()` waits for buffered samples to be sent, ms. */
  readonly flushTimeoutMs?: number;
  /** The service's registry; a new one when not given. */
  readonly registry?: Registry;
  /** The service's logger; silent when not given. */
  readonly logger?: Logger;
}

export interface CollectorOptions extends PublisherOptions {
  /** Busiest processes attached to samples (0: none). */
  readonly topN?: number;
  /** Passed to the HostSampler (nvidia-smi path, slow intervals, ...). */
  readonly sampler?: Omit<HostSamplerOptions, 'topN' | 'onEvent' | 'onTiming'>;
  /** Replaces the HostSampler (tests). */
  readonly source?: SampleSource;
}

export const DEFAULT_INTERVAL_MS = 1_000;
/** One hour of samples at 1 Hz, about 2 MB. */
export const DEFAULT_BUFFER_SIZE = 3_600;
export const DEFAULT_RETRY_DELAY_MS = 500;
export const DEFAULT_FLUSH_TIMEOUT_MS = 5_000;
export const MIN_INTERVAL_MS = 10;

export type ParsedPublisherOptions = Readonly<
  Required<Omit<PublisherOptions, 'registry' | 'logger'>>
>;

export function parsePublisherOptions(
  options: PublisherOptions,
): ParsedPublisherOptions {
  if (!isValidHostName(options.host)) {
    throw new InvalidCollectorOptionError(
      `host "${options.host}" is invalid: expected ${String(HOST_NAME_PATTERN)}`,
    );
  }
  return Object.freeze({
    bus: options.bus,
    host: options.host,
    intervalMs: atLeast(
      'intervalMs',
      options.intervalMs ?? DEFAULT_INTERVAL_MS,
      MIN_INTERVAL_MS,
    ),
    bufferSize: atLeast(
      'bufferSize',
      options.bufferSize ?? DEFAULT_BUFFER_SIZE,
      1,
    ),
    retryDelayMs: atLeast(
      'retryDelayMs',
      options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
      1,
    ),
    flushTimeoutMs: atLeast(
      'flushTimeoutMs',
      options.flushTimeoutMs ?? DEFAULT_FLUSH_TIMEOUT_MS,
      0,
    ),
  });
}

export function atLeast(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidCollectorOptionError(
      `${name} ${value} is out of range: expected an integer >= ${min}`,
    );
  }
  return value;
}
