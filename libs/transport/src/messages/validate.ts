import type { AnomalyEvent, DeadLetter, DriftEvent } from './events.js';
import * as check from './field-checks.js';
import type { MetricSample } from './metric-sample.js';
import type { ScoreResult, ScoreStatus } from './score-result.js';
import { MessageValidationError } from './validation-error.js';

/**
 * Parsers for the pipeline's messages. Each takes the decoded object, a
 * JSON string or the raw bytes of a bus message, checks it by hand (fast
 * enough for the scorer's hot path) and returns it typed, unchanged: extra
 * fields are allowed, so newer producers do not break older consumers.
 * A mismatch throws a MessageValidationError with a stable `reason`.
 */
export interface SampleValidationOptions {
  /** Clock for the future-timestamp check, ms since the epoch. */
  readonly now?: number;
  /** How far ahead of `now` a timestamp may be (clock skew), ms. */
  readonly maxFutureMs?: number;
  /** Features that must be present (value or null), e.g. FEATURE_ORDER. */
  readonly requiredFeatures?: readonly string[];
}

export const DEFAULT_MAX_FUTURE_MS = 60_000;

const STATUSES: readonly ScoreStatus[] = ['scored', 'warming_up'];
const DIRECTIONS: readonly DriftEvent['direction'][] = ['up', 'down'];

export function parseMetricSample(
  value: unknown,
  options: SampleValidationOptions = {},
): MetricSample {
  const obj = header(value);
  const timestamp = check.number(obj, 'timestamp');
  assertNotFuture(timestamp, options);
  check.features(obj, options.requiredFeatures ?? []);
  check.number(obj, 'jitter_ms');
  optionalNumberRecord(obj, 'sensor_age_ms');
  optionalTopProcesses(obj);
  check.optionalLabel(obj);
  return obj as unknown as MetricSample;
}

export function parseScoreResult(value: unknown): ScoreResult {
  const obj = header(value);
  check.number(obj, 'timestamp');
  check.number(obj, 'scored_at');
  check.oneOf(obj, 'status', STATUSES);
  nullableString(obj, 'model_version');
  check.features(obj, []);
  check.stringArray(obj, 'imputed');
  check.number(obj, 'jitter_ms');
  detectors(obj);
  ensemble(obj);
  check.explanation(obj);
  drift(obj);
  check.number(obj, 'latency_ms');
  check.optionalLabel(obj);
  return obj as unknown as ScoreResult;
}

export function parseAnomalyEvent(value: unknown): AnomalyEvent {
  const obj = header(value);
  check.number(obj, 'timestamp');
  check.number(obj, 'score');
  check.number(obj, 'votes');
  check.number(obj, 'members');
  check.stringArray(obj, 'flagged_by');
  check.explanation(obj);
  check.features(obj, []);
  return obj as unknown as AnomalyEvent;
}

export function parseDriftEvent(value: unknown): DriftEvent {
  const obj = header(value);
  check.number(obj, 'timestamp');
  check.number(obj, 'statistic');
  check.oneOf(obj, 'direction', DIRECTIONS);
  check.number(obj, 'threshold');
  return obj as unknown as DriftEvent;
}

export function parseDeadLetter(value: unknown): DeadLetter {
  const obj = check.rootObject(check.decodeJson(value));
  check.version(obj);
  for (const key of ['subject', 'reason', 'detail', 'payload', 'service']) {
    check.string(obj, key);
  }
  check.number(obj, 'rejected_at');
  return obj as unknown as DeadLetter;
}

/** `v`, `host` and `seq`, common to every per-host message. */
function header(value: unknown): check.Fields {
  const obj = check.rootObject(check.decodeJson(value));
  check.version(obj);
  check.host(obj);
  check.sequence(obj);
  return obj;
}

function assertNotFuture(
  timestamp: number,
  options: SampleValidationOptions,
): void {
  const now = options.now ?? Date.now();
  const limit = now + (options.maxFutureMs ?? DEFAULT_MAX_FUTURE_MS);
  if (timestamp > limit) {
    throw new MessageValidationError(
      'future_timestamp',
      'timestamp',
      `timestamp ${timestamp} is ${timestamp - now} ms ahead of now: ` +
        `expected at most ${limit - now} ms`,
    );
  }
}

function nullableString(obj: check.Fields, key: string): void {
  const value = check.present(obj, key, key);
  if (value !== null) check.string(obj, key);
}

function optionalNumberRecord(obj: check.Fields, key: string): void {
  if (obj[key] === undefined) return;
  const values = check.object(obj, key);
  for (const name in values) check.finite(values[name], `${key}.${name}`);
}

function optionalTopProcesses(obj: check.Fields): void {
  if (obj.top_processes === undefined) return;
  const top = check.object(obj, 'top_processes');
  for (const list of ['by_cpu', 'by_memory']) {
    const path = `top_processes.${list}`;
    const items = check.array(top, list, path);
    for (let i = 0; i < items.length; i++)
      processInfo(items[i], `${path}[${i}]`);
  }
}

function processInfo(value: unknown, path: string): void {
  const info = check.element(value, path);
  check.number(info, 'pid', `${path}.pid`);
  check.string(info, 'name', `${path}.name`);
  check.number(info, 'cpu_percent', `${path}.cpu_percent`);
  check.number(info, 'memory_percent', `${path}.memory_percent`);
}

function verdict(obj: check.Fields, path: string): void {
  check.nullableNumber(
    check.present(obj, 'score', `${path}.score`),
    `${path}.score`,
  );
  check.nullableBoolean(obj, 'flag', `${path}.flag`);
  check.number(obj, 'time_us', `${path}.time_us`);
}

function detectors(obj: check.Fields): void {
  const all = check.object(obj, 'detectors');
  for (const name in all) {
    verdict(check.element(all[name], `detectors.${name}`), `detectors.${name}`);
  }
}

function ensemble(obj: check.Fields): void {
  const value = check.object(obj, 'ensemble');
  verdict(value, 'ensemble');
  check.number(value, 'votes', 'ensemble.votes');
  check.number(value, 'members', 'ensemble.members');
}

function drift(obj: check.Fields): void {
  const value = check.object(obj, 'drift');
  check.number(value, 'statistic', 'drift.statistic');
  check.boolean(value, 'flag', 'drift.flag');
}
