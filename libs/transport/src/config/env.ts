import { ConfigError } from '../errors.js';

/**
 * Typed getters for a service's `config.ts`. Libraries never read
 * `process.env`: the service passes it in. An empty value counts as unset.
 * A bad or missing value throws a ConfigError naming the variable, the
 * value and what was expected, so the service refuses to start.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export interface ReadOptions<T> {
  /** Used when the variable is unset; without it, unset is an error. */
  readonly default?: T;
}

export interface IntOptions extends ReadOptions<number> {
  readonly min?: number;
  readonly max?: number;
}

function raw(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function orDefault<T>(
  name: string,
  options: ReadOptions<T>,
  expected: string,
): T {
  if (options.default === undefined)
    throw new ConfigError(name, undefined, expected);
  return options.default;
}

export function readString(
  env: Env,
  name: string,
  options: ReadOptions<string> & { readonly pattern?: RegExp } = {},
): string {
  const value = raw(env, name);
  const expected = options.pattern
    ? `a string matching ${options.pattern}`
    : 'a string';
  if (value === undefined) return orDefault(name, options, expected);
  if (options.pattern !== undefined && !options.pattern.test(value)) {
    throw new ConfigError(name, value, expected);
  }
  return value;
}

/** For settings without a default that may stay unset (credentials). */
export function readOptionalString(env: Env, name: string): string | undefined {
  return raw(env, name);
}

export function readInt(
  env: Env,
  name: string,
  options: IntOptions = {},
): number {
  const min = options.min ?? Number.MIN_SAFE_INTEGER;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  const expected = `an integer in [${min}, ${max}]`;
  const value = raw(env, name);
  if (value === undefined) return orDefault(name, options, expected);
  const parsed = /^[-+]?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(name, value, expected);
  }
  return parsed;
}

export function readNumber(
  env: Env,
  name: string,
  options: IntOptions = {},
): number {
  const min = options.min ?? -Infinity;
  const max = options.max ?? Infinity;
  const expected = `a number in [${min}, ${max}]`;
  const value = raw(env, name);
  if (value === undefined) return orDefault(name, options, expected);
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(name, value, expected);
  }
  return parsed;
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

export function readBool(
  env: Env,
  name: string,
  options: ReadOptions<boolean> = {},
): boolean {
  const expected = 'one of true, false, 1, 0, yes, no, on, off';
  const value = raw(env, name);
  if (value === undefined) return orDefault(name, options, expected);
  const lower = value.toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  throw new ConfigError(name, value, expected);
}

export function readEnum<T extends string>(
  env: Env,
  name: string,
  allowed: readonly T[],
  options: ReadOptions<T> = {},
): T {
  const expected = `one of ${allowed.join(', ')}`;
  const value = raw(env, name);
  if (value === undefined) return orDefault(name, options, expected);
  if (!allowed.includes(value as T))
    throw new ConfigError(name, value, expected);
  return value as T;
}

/**
 * A URL whose scheme is one of `protocols` (without the colon), e.g.
 * `readUrl(env, 'NATS_URL', { protocols: ['nats', 'tls'] })`. Returned as
 * the string given, so it can be passed on unchanged.
 */
export function readUrl(
  env: Env,
  name: string,
  options: ReadOptions<string> & {
    readonly protocols?: readonly string[];
  } = {},
): string {
  const protocols = options.protocols ?? ['http', 'https'];
  const expected = `a URL with scheme ${protocols.join(' or ')} (e.g. ${protocols[0]}://host:port)`;
  const value = raw(env, name);
  if (value === undefined) return orDefault(name, options, expected);
  const scheme = schemeOf(value);
  if (scheme === null || !protocols.includes(scheme)) {
    throw new ConfigError(name, value, expected);
  }
  return value;
}

function schemeOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.hostname === '' ? null : url.protocol.slice(0, -1);
  } catch {
    return null;
  }
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * A duration in ms: `250ms`, `5s`, `1.5m`, `2h`, `7d`, or a bare number of
 * ms. `min`/`max` bound the result in ms.
 */
export function readDuration(
  env: Env,
  name: string,
  options: IntOptions = {},
): number {
  const min = options.min ?? 0;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  const expected = `a duration like 500ms, 5s, 2m, 1h or 7d in [${min}, ${max}] ms`;
  const value = raw(env, name);
  if (value === undefined) return orDefault(name, options, expected);
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(value);
  const ms = match
    ? Math.round(Number(match[1]) * DURATION_UNITS[match[2] ?? 'ms'])
    : NaN;
  if (!Number.isFinite(ms) || ms < min || ms > max) {
    throw new ConfigError(name, value, expected);
  }
  return ms;
}

/** A comma-separated list; empty items are dropped. */
export function readList(
  env: Env,
  name: string,
  options: ReadOptions<readonly string[]> = {},
): readonly string[] {
  const value = raw(env, name);
  if (value === undefined)
    return orDefault(name, options, 'a comma-separated list');
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0)
    throw new ConfigError(name, value, 'a comma-separated list');
  return items;
}
