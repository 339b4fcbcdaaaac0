import { BadWindowsError, UnknownWindowTimestampError } from '../errors.js';
import type { WindowRows } from '../scoring/row-weights.js';
import { parseTimestamp } from './timestamp.js';
import type { TimeSeries } from './time-series.js';

/** `[start, end]` timestamps of one window, inclusive, as written. */
export type WindowLimits = readonly [string, string];

/** Windows per file, keyed `<category>/<file>.csv`. */
export type CorpusWindows = ReadonlyMap<string, readonly WindowLimits[]>;

/** Reads the text of `combined_windows.json`; `source` names the file. */
export function parseWindows(source: string, text: string): CorpusWindows {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new BadWindowsError(source, `is not JSON: ${String(err)}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new BadWindowsError(source, 'expected an object keyed by file');
  }
  const entries = Object.entries(json as Record<string, unknown>);
  return new Map(entries.map(([key, v]) => [key, windowList(source, key, v)]));
}

function windowList(
  source: string,
  key: string,
  value: unknown,
): WindowLimits[] {
  const isPair = (w: unknown): w is WindowLimits =>
    Array.isArray(w) && w.length === 2 && w.every((t) => typeof t === 'string');
  if (!Array.isArray(value) || !value.every(isPair)) {
    throw new BadWindowsError(
      source,
      `entry "${key}" is not a list of [start, end] timestamp pairs`,
    );
  }
  return value;
}

/**
 * The rows of `series` each window spans. Every boundary must be the
 * timestamp of a row (the first such row, as the benchmark's scorer reads
 * repeated timestamps); windows must be in time order and disjoint.
 */
export function windowRows(
  series: TimeSeries,
  windows: readonly WindowLimits[],
): WindowRows[] {
  const index = new Map<number, number>();
  series.times.forEach((t, i) => {
    if (!index.has(t)) index.set(t, i);
  });
  const rows = windows.map(([start, end]) => ({
    start: rowAt(series.name, index, start),
    end: rowAt(series.name, index, end),
  }));
  rows.forEach((w, i) => checkOrder(series.name, w, rows[i - 1]));
  return rows;
}

function rowAt(
  name: string,
  index: ReadonlyMap<number, number>,
  stamp: string,
): number {
  const row = index.get(parseTimestamp(stamp));
  if (row === undefined) throw new UnknownWindowTimestampError(name, stamp);
  return row;
}

function checkOrder(
  name: string,
  w: WindowRows,
  previous: WindowRows | undefined,
): void {
  if (w.end < w.start) {
    throw new BadWindowsError(
      name,
      `window at rows ${w.start}..${w.end} ends before it starts`,
    );
  }
  if (previous !== undefined && w.start <= previous.end) {
    throw new BadWindowsError(
      name,
      `window at rows ${w.start}..${w.end} overlaps or precedes the one ` +
        'before: expected windows in time order, disjoint',
    );
  }
}
