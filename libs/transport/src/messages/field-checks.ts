import { isValidHostName } from '../subjects.js';
import { MessageValidationError } from './validation-error.js';

/**
 * Hand-written field checks for the message parsers: no schema library on
 * the hot path (the scorer validates every sample). Each throws a
 * MessageValidationError naming the field and what was expected.
 */
export type Fields = Record<string, unknown>;

const decoder = new TextDecoder();

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') {
    return `${typeof value} ${value}`;
  }
  return typeof value;
}

function wrongType(field: string, value: unknown, expected: string): never {
  throw new MessageValidationError(
    'wrong_type',
    field,
    `${field} is ${describe(value)}: expected ${expected}`,
  );
}

/** Bytes and strings are parsed as JSON; anything else is taken as is. */
export function decodeJson(value: unknown): unknown {
  if (!(value instanceof Uint8Array) && typeof value !== 'string') return value;
  const text = typeof value === 'string' ? value : decoder.decode(value);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MessageValidationError(
      'invalid_json',
      '',
      `payload is not JSON (${(error as Error).message}): expected a JSON object`,
    );
  }
}

export function rootObject(value: unknown): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MessageValidationError(
      'not_object',
      '',
      `payload is ${describe(value)}: expected a JSON object`,
    );
  }
  return value as Fields;
}

export function present(obj: Fields, key: string, path: string): unknown {
  const value = obj[key];
  if (value === undefined) {
    throw new MessageValidationError(
      'missing_field',
      path,
      `${path} is missing: expected it to be present`,
    );
  }
  return value;
}

export function version(obj: Fields): void {
  const v = present(obj, 'v', 'v');
  if (v !== 1) {
    throw new MessageValidationError(
      'unknown_version',
      'v',
      `v is ${describe(v)}: expected 1`,
    );
  }
}

export function host(obj: Fields): string {
  const value = present(obj, 'host', 'host');
  if (typeof value !== 'string') wrongType('host', value, 'a string');
  if (!isValidHostName(value)) {
    throw new MessageValidationError(
      'bad_host',
      'host',
      `host "${value.slice(0, 140)}" is invalid: expected 1-128 letters, digits, - or _`,
    );
  }
  return value;
}

export function finite(value: unknown, path: string): number {
  if (typeof value !== 'number') wrongType(path, value, 'a number');
  if (!Number.isFinite(value)) {
    throw new MessageValidationError(
      'not_finite',
      path,
      `${path} is ${value}: expected a finite number`,
    );
  }
  return value;
}

export function number(obj: Fields, key: string, path = key): number {
  return finite(present(obj, key, path), path);
}

export function sequence(obj: Fields): number {
  const seq = number(obj, 'seq');
  if (!Number.isSafeInteger(seq) || seq < 0) {
    throw new MessageValidationError(
      'out_of_range',
      'seq',
      `seq is ${seq}: expected an integer >= 0`,
    );
  }
  return seq;
}

export function nullableNumber(value: unknown, path: string): void {
  if (value !== null) finite(value, path);
}

export function string(obj: Fields, key: string, path = key): string {
  const value = present(obj, key, path);
  if (typeof value !== 'string') wrongType(path, value, 'a string');
  return value;
}

export function boolean(obj: Fields, key: string, path = key): boolean {
  const value = present(obj, key, path);
  if (typeof value !== 'boolean') wrongType(path, value, 'a boolean');
  return value;
}

export function nullableBoolean(obj: Fields, key: string, path: string): void {
  const value = present(obj, key, path);
  if (value !== null && typeof value !== 'boolean') {
    wrongType(path, value, 'a boolean or null');
  }
}

export function object(obj: Fields, key: string, path = key): Fields {
  const value = present(obj, key, path);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    wrongType(path, value, 'an object');
  }
  return value as Fields;
}

export function array(obj: Fields, key: string, path = key): unknown[] {
  const value = present(obj, key, path);
  if (!Array.isArray(value)) wrongType(path, value, 'an array');
  return value;
}

export function element(value: unknown, path: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    wrongType(path, value, 'an object');
  }
  return value as Fields;
}

export function oneOf<T extends string>(
  obj: Fields,
  key: string,
  allowed: readonly T[],
): T {
  const value = present(obj, key, key);
  if (!allowed.includes(value as T)) {
    wrongType(key, value, `one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** `features`: every value a finite number or null (missing sensor). */
export function features(obj: Fields, required: readonly string[]): void {
  const values = object(obj, 'features');
  for (const name in values) {
    nullableNumber(values[name], `features.${name}`);
  }
  for (const name of required) present(values, name, `features.${name}`);
}

export function optionalLabel(obj: Fields): void {
  const label = obj.label;
  if (label !== undefined && label !== 0 && label !== 1) {
    wrongType('label', label, '0 or 1');
  }
}

export function stringArray(obj: Fields, key: string): void {
  const values = array(obj, key);
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== 'string') {
      wrongType(`${key}[${i}]`, values[i], 'a string');
    }
  }
}

/** `explanation`: the top deviating features of a score. */
export function explanation(obj: Fields): void {
  const items = array(obj, 'explanation');
  for (let i = 0; i < items.length; i++) {
    const path = `explanation[${i}]`;
    const item = element(items[i], path);
    string(item, 'feature', `${path}.feature`);
    number(item, 'value', `${path}.value`);
    number(item, 'z', `${path}.z`);
  }
}
