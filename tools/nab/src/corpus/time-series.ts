import {
  BadValueError,
  MissingColumnsError,
  UnsortedTimestampsError,
} from '../errors.js';
import { parseTimestamp } from './timestamp.js';

/**
 * One benchmark file: its timestamps (as written and as epoch ms) and one
 * numeric array per requested column.
 */
export interface TimeSeries {
  readonly name: string;
  readonly stamps: readonly string[];
  readonly times: Float64Array;
  readonly columns: ReadonlyMap<string, Float64Array>;
}

/**
 * How far a timestamp may fall behind the row above it before the file
 * counts as unsorted. The benchmark's own files repeat timestamps and, in
 * `machine_temperature_system_failure.csv`, replay one hour after a clock
 * was set back; rows are taken in file order, as the benchmark does.
 */
export const MAX_CLOCK_STEP_BACK_MS = 60 * 60 * 1000;

/**
 * Parses the CSV text of a benchmark file with a `timestamp` column and
 * the numeric `columns`, checking that the rows are in time order.
 */
export function parseTimeSeries(
  name: string,
  text: string,
  columns: readonly string[],
): TimeSeries {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((c) => c.trim());
  const wanted = ['timestamp', ...columns];
  const missing = wanted.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new MissingColumnsError(name, missing, lines[0] ?? '');
  }
  const at = wanted.map((c) => header.indexOf(c));
  return parseRows(name, lines, at, columns);
}

function parseRows(
  name: string,
  lines: readonly string[],
  at: readonly number[],
  columns: readonly string[],
): TimeSeries {
  const n = lines.length - 1;
  const stamps: string[] = new Array<string>(n);
  const times = new Float64Array(n);
  const values = columns.map(() => new Float64Array(n));
  for (let r = 0; r < n; r++) {
    const cells = lines[r + 1].split(',');
    stamps[r] = (cells[at[0]] ?? '').trim();
    times[r] = readTime(name, r + 2, stamps[r]);
    if (r > 0 && times[r] < times[r - 1] - MAX_CLOCK_STEP_BACK_MS) {
      throw new UnsortedTimestampsError(name, r + 2, stamps[r - 1], stamps[r]);
    }
    values.forEach((v, c) => {
      v[r] = readNumber(name, r + 2, columns[c], cells[at[c + 1]]);
    });
  }
  const map = new Map(columns.map((c, i) => [c, values[i]]));
  return { name, stamps, times, columns: map };
}

function readTime(name: string, line: number, text: string): number {
  const time = parseTimestamp(text);
  if (Number.isNaN(time)) {
    throw new BadValueError(
      name,
      line,
      `timestamp "${text}" is not a date: expected YYYY-MM-DD hh:mm:ss`,
    );
  }
  return time;
}

function readNumber(
  name: string,
  line: number,
  column: string,
  cell: string | undefined,
): number {
  const text = (cell ?? '').trim();
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) {
    throw new BadValueError(
      name,
      line,
      `${column} "${text}" is not a finite number`,
    );
  }
  return value;
}
