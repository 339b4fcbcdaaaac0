import { SensorParseError } from '../errors.js';

/** The 1, 5 and 15 minute load averages from /proc/loadavg. */
export interface LoadAverages {
  readonly load1: number;
  readonly load5: number;
  readonly load15: number;
}

export function parseLoadavg(text: string): LoadAverages {
  const [load1, load5, load15] = text.trim().split(/\s+/).map(Number);
  if (![load1, load5, load15].every(Number.isFinite)) {
    throw new SensorParseError(
      '/proc/loadavg',
      `"${text.trim()}": expected three load averages first`,
    );
  }
  return { load1, load5, load15 };
}
