import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';

import { LabError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` with the lab's error: an unknown option or a missing value
 * becomes a LabError that the CLI prints as one line with exit code 2.
 */
export function parseOptions<T extends Options>(
  argv: readonly string[],
  options: T,
): ReturnType<typeof parseArgs<{ options: T; allowPositionals: true }>> {
  try {
    return parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new LabError('BAD_OPTION', (err as Error).message, err);
  }
}

/** A numeric option: finite and within [min, max], or a LabError. */
export function numberOption(
  name: string,
  text: string,
  min: number,
  max: number,
): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new LabError('BAD_OPTION', `--${name} "${text}" is not a number`);
  }
  if (value < min || value > max) {
    throw new LabError(
      'BAD_OPTION',
      `--${name} ${value} is out of range: expected ${min} to ${max}`,
    );
  }
  return value;
}
