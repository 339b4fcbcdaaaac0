import { LabError } from '../errors.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Parses `90s`, `20m`, `1.5h` or a bare number of seconds into ms. Zero,
 * negative and malformed durations are refused with the option's name.
 */
export function parseDuration(option: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] ?? 's'] : NaN;
  if (!(ms > 0)) {
    throw new LabError(
      'BAD_OPTION',
      `--${option} "${text}" is not a positive duration: expected e.g. ` +
        '30s, 20m or 1h',
    );
  }
  return Math.round(ms);
}
