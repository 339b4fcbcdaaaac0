import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MissingFileError } from '../errors.js';
import type { WindowRows } from '../scoring/row-weights.js';
import { parseTimeSeries } from './time-series.js';
import type { TimeSeries } from './time-series.js';
import { parseWindows, windowRows } from './windows.js';
import type { CorpusWindows } from './windows.js';

/** One data file of the corpus with its windows as row indices. */
export interface CorpusFile {
  /** `<category>/<file>.csv`, the key of the windows file. */
  readonly key: string;
  readonly category: string;
  /** The file name without `.csv`. */
  readonly stem: string;
  readonly series: TimeSeries;
  readonly windows: readonly WindowRows[];
}

/** Where the windows file may live under a corpus root. */
export const WINDOWS_PATHS = [
  'combined_windows.json',
  join('labels', 'combined_windows.json'),
];

/** Reads the windows file from either place the benchmark puts it. */
export async function loadWindows(root: string): Promise<CorpusWindows> {
  for (const path of WINDOWS_PATHS) {
    const file = join(root, path);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) return parseWindows(file, text);
  }
  throw new MissingFileError(
    root,
    `combined_windows.json or labels/combined_windows.json under it`,
  );
}

/** Every `data/<category>/<file>.csv` under `root`, sorted by key. */
export async function listDataFiles(root: string): Promise<string[]> {
  const data = join(root, 'data');
  const categories = await readdir(data, { withFileTypes: true }).catch(
    (err: unknown) => {
      throw new MissingFileError(data, 'a data/ folder of categories', err);
    },
  );
  const keys: string[] = [];
  for (const category of categories.filter((c) => c.isDirectory())) {
    const files = await readdir(join(data, category.name));
    const csv = files.filter((f) => f.endsWith('.csv'));
    keys.push(...csv.map((f) => `${category.name}/${f}`));
  }
  return keys.sort();
}

/** Reads one data file and places its windows. */
export async function loadCorpusFile(
  root: string,
  key: string,
  windows: CorpusWindows,
): Promise<CorpusFile> {
  const path = join(root, 'data', key);
  const limits = windows.get(key);
  if (limits === undefined) {
    throw new MissingFileError(path, `an entry "${key}" in the windows file`);
  }
  const series = parseTimeSeries(path, await readFile(path, 'utf8'), ['value']);
  const [category, file] = key.split('/');
  const stem = file.replace(/\.csv$/, '');
  return { key, category, stem, series, windows: windowRows(series, limits) };
}

/** The whole corpus under `root`, every file checked before any run. */
export async function loadCorpus(root: string): Promise<CorpusFile[]> {
  const windows = await loadWindows(root);
  const keys = await listDataFiles(root);
  return Promise.all(keys.map((key) => loadCorpusFile(root, key, windows)));
}
