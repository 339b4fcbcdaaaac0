import { probationLength } from './probation.js';
import { rowWeights } from './row-weights.js';
import type { WindowRows } from './row-weights.js';
import type { ScorableRows } from './threshold-sweep.js';

/** One file's per-row anomaly scores and its windows as row indices. */
export interface ScoredFile {
  readonly name: string;
  readonly scores: ArrayLike<number>;
  readonly windows: readonly WindowRows[];
}

/**
 * Flattens a corpus into the rows that count: each file's rows after its
 * probationary period, windows numbered across the corpus.
 */
export function scorableRows(files: readonly ScoredFile[]): ScorableRows {
  const total = files.reduce((n, f) => n + scoredCount(f.scores.length), 0);
  const rows = {
    score: new Float64Array(total),
    window: new Int32Array(total),
    unit: new Float64Array(total),
    windowCount: 0,
  };
  let at = 0;
  for (const file of files) {
    at = appendFile(rows, file, at);
    rows.windowCount += file.windows.length;
  }
  return rows;
}

function scoredCount(rowCount: number): number {
  return rowCount - probationLength(rowCount);
}

function appendFile(rows: ScorableRows, file: ScoredFile, at: number): number {
  const n = file.scores.length;
  const weights = rowWeights(n, file.windows);
  for (let i = probationLength(n); i < n; i++, at++) {
    const w = weights.window[i];
    rows.score[at] = file.scores[i];
    rows.window[at] = w < 0 ? -1 : w + rows.windowCount;
    rows.unit[at] = weights.unit[i];
  }
  return at;
}
