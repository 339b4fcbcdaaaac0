import { InvalidOptionError } from '../errors.js';

/** An integer option in [min, max]; the message names value and range. */
export function integerOption(
  name: string,
  value: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    const upper = max === Number.MAX_SAFE_INTEGER ? 'inf' : String(max);
    throw new InvalidOptionError(
      `${name} ${String(value)} is out of range: expected an integer in ` +
        `[${min}, ${upper}]`,
    );
  }
  return value;
}

/**
 * A finite number option in the range written as `range` (for the message)
 * and tested by `inRange`.
 */
export function numberOption(
  name: string,
  value: number,
  range: string,
  inRange: (value: number) => boolean,
): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !inRange(value)) {
    throw new InvalidOptionError(
      `${name} ${String(value)} is out of range: expected ${range}`,
    );
  }
  return value;
}
