import {
  DiscardPolicy,
  JetStreamApiError,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { InvalidOptionError, TransportError } from '../../errors.js';
import { DEFAULT_DUPLICATE_WINDOW_MS } from '../duplicate-window.js';

/** One JetStream stream of the pipeline and its limits. */
export interface StreamSpec {
  readonly name: string;
  readonly subjects: readonly string[];
  /** Messages older than this are removed, ms. */
  readonly maxAgeMs: number;
  /** The oldest messages are removed past this size, bytes. */
  readonly maxBytes: number;
  /** A repeated `msgId` within this window is stored once, ms. */
  readonly duplicateWindowMs: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const MIB = 1024 * 1024;

/** The pipeline's streams (DESIGN.md subjects), sized for a small fleet. */
export const DEFAULT_STREAMS: readonly StreamSpec[] = Object.freeze([
  stream('METRICS', ['metrics.>'], DAY_MS, 1024 * MIB),
  stream('SCORES', ['scores.>'], DAY_MS, 1024 * MIB),
  stream('EVENTS', ['anomalies.>', 'drift.>'], 7 * DAY_MS, 256 * MIB),
  stream('DEADLETTER', ['deadletter.>'], 7 * DAY_MS, 256 * MIB),
]);

function stream(
  name: string,
  subjects: readonly string[],
  maxAgeMs: number,
  maxBytes: number,
): StreamSpec {
  return Object.freeze({
    name,
    subjects: Object.freeze(subjects),
    maxAgeMs,
    maxBytes,
    duplicateWindowMs: DEFAULT_DUPLICATE_WINDOW_MS,
  });
}

/** Validates a spec; a bad limit is API misuse and throws. */
export function parseStreamSpec(spec: StreamSpec): StreamSpec {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(spec.name)) {
    throw new InvalidOptionError(
      `stream name "${spec.name}" is invalid: expected letters, digits, - or _`,
    );
  }
  for (const key of ['maxAgeMs', 'maxBytes', 'duplicateWindowMs'] as const) {
    if (!Number.isInteger(spec[key]) || spec[key] < 1) {
      throw new InvalidOptionError(
        `stream ${spec.name} ${key} ${spec[key]} is invalid: expected an integer >= 1`,
      );
    }
  }
  return Object.freeze({
    ...spec,
    subjects: Object.freeze([...spec.subjects]),
  });
}

function toStreamConfig(
  spec: StreamSpec,
): Partial<StreamConfig> & { name: string } {
  return {
    name: spec.name,
    subjects: [...spec.subjects],
    max_age: nanos(spec.maxAgeMs),
    max_bytes: spec.maxBytes,
    duplicate_window: nanos(Math.min(spec.duplicateWindowMs, spec.maxAgeMs)),
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    num_replicas: 1,
  };
}

/**
 * Creates each stream that is missing and brings the limits and subjects
 * of an existing one to the spec. Safe to call from every replica.
 */
export async function ensureStreams(
  jsm: JetStreamManager,
  specs: readonly StreamSpec[],
): Promise<void> {
  for (const spec of specs.map(parseStreamSpec)) {
    try {
      await ensureStream(jsm, spec);
    } catch (error) {
      throw new TransportError(
        'STREAM_SETUP',
        `stream ${spec.name} on [${spec.subjects.join(', ')}] ` +
          `could not be set up: ${String(error)}`,
        error,
      );
    }
  }
}

async function ensureStream(
  jsm: JetStreamManager,
  spec: StreamSpec,
): Promise<void> {
  const config = toStreamConfig(spec);
  const existing = await streamInfo(jsm, spec.name);
  if (existing === null) {
    await jsm.streams.add(config);
    return;
  }
  if (!sameLimits(existing, config)) {
    await jsm.streams.update(spec.name, { ...existing, ...config });
  }
}

async function streamInfo(
  jsm: JetStreamManager,
  name: string,
): Promise<StreamConfig | null> {
  try {
    return (await jsm.streams.info(name)).config;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

function sameLimits(
  existing: StreamConfig,
  wanted: Partial<StreamConfig>,
): boolean {
  return (
    existing.subjects.join(',') === wanted.subjects?.join(',') &&
    existing.max_age === wanted.max_age &&
    existing.max_bytes === wanted.max_bytes &&
    existing.duplicate_window === wanted.duplicate_window
  );
}

/** JetStream's "stream not found" / "consumer not found" answers. */
export function isNotFound(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (error.code === 10059 || error.code === 10014 || error.status === 404)
  );
}
