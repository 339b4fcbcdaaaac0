import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CorpusFile } from '../corpus/load-corpus.js';
import { resultsPath } from '../corpus/results-files.js';

/**
 * Writes one detector's scores for one file in the benchmark's layout:
 * `<out>/<detector>/<category>/<detector>_<file>.csv` with
 * `timestamp,value,anomaly_score,label`. The label (1 inside a window) is
 * there for reading; no detector ever sees it.
 */
export async function writeResultsFile(
  out: string,
  detector: string,
  file: CorpusFile,
  scores: Float64Array,
): Promise<string> {
  const path = join(out, resultsPath(detector, file.category, file.stem));
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, resultsCsv(file, scores));
  return path;
}

export function resultsCsv(file: CorpusFile, scores: Float64Array): string {
  const { stamps } = file.series;
  const values = file.series.columns.get('value') ?? new Float64Array(0);
  const labels = windowLabels(stamps.length, file);
  const lines = ['timestamp,value,anomaly_score,label'];
  for (let i = 0; i < stamps.length; i++) {
    lines.push(`${stamps[i]},${values[i]},${scores[i]},${labels[i]}`);
  }
  return lines.join('\n') + '\n';
}

function windowLabels(rows: number, file: CorpusFile): Uint8Array {
  const labels = new Uint8Array(rows);
  for (const w of file.windows) labels.fill(1, w.start, w.end + 1);
  return labels;
}
