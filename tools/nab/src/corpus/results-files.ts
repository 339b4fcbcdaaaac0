import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MissingFileError } from '../errors.js';
import type { ScoredFile } from '../scoring/scorable-rows.js';
import type { CorpusFile } from './load-corpus.js';
import { parseTimeSeries } from './time-series.js';
import { windowRows } from './windows.js';
import type { CorpusWindows } from './windows.js';

/** `<detector>/<category>/<detector>_<file>.csv` under a results folder. */
export function resultsPath(
  detector: string,
  category: string,
  stem: string,
): string {
  return join(detector, category, `${detector}_${stem}.csv`);
}

/**
 * Reads one detector's published rows for every file of `keys`, placing
 * the windows on the rows of each results file.
 */
export async function loadResults(
  resultsRoot: string,
  detector: string,
  keys: readonly string[],
  windows: CorpusWindows,
): Promise<ScoredFile[]> {
  return Promise.all(
    keys.map((key) => loadResultsFile(resultsRoot, detector, key, windows)),
  );
}

async function loadResultsFile(
  resultsRoot: string,
  detector: string,
  key: string,
  windows: CorpusWindows,
): Promise<ScoredFile> {
  const [category, file] = key.split('/');
  const path = join(
    resultsRoot,
    resultsPath(detector, category, file.replace(/\.csv$/, '')),
  );
  const text = await readFile(path, 'utf8').catch((err: unknown) => {
    throw new MissingFileError(path, `results for ${key}`, err);
  });
  const series = parseTimeSeries(path, text, ['anomaly_score']);
  const limits = windows.get(key) ?? [];
  const scores = series.columns.get('anomaly_score') ?? new Float64Array(0);
  return { name: key, scores, windows: windowRows(series, limits) };
}

/** The corpus files as scorer input, given each file's scores. */
export function scoredFiles(
  files: readonly CorpusFile[],
  scores: readonly Float64Array[],
): ScoredFile[] {
  return files.map((f, i) => ({
    name: f.key,
    scores: scores[i],
    windows: f.windows,
  }));
}
