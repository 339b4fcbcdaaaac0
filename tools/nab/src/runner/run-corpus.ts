import type { CorpusFile } from '../corpus/load-corpus.js';
import { scoredFiles } from '../corpus/results-files.js';
import { scoreCorpus } from '../scoring/score-corpus.js';
import type { ProfileScore } from '../scoring/score-corpus.js';
import type { NabRunOptions } from './nab-run-options.js';
import { ENSEMBLE, runFile } from './run-file.js';
import type { FileScores } from './run-file.js';
import { writeResultsFile } from './results-writer.js';

/** A finished file, for progress reports. */
export interface FileDone {
  readonly key: string;
  readonly rows: number;
  readonly index: number;
  readonly total: number;
  readonly seconds: number;
}

/** Each detector's three profile scores over the corpus. */
export type CorpusScores = ReadonlyMap<string, readonly ProfileScore[]>;

/**
 * Runs the detectors over every file, writes the results in the
 * benchmark's layout under `out` (skipped when `out` is undefined), and
 * scores each detector over the whole corpus.
 */
export async function runCorpus(
  files: readonly CorpusFile[],
  options: NabRunOptions,
  out: string | undefined,
  onFile: (done: FileDone) => void = () => undefined,
): Promise<CorpusScores> {
  const names = [ENSEMBLE, ...options.detectors];
  const perFile: FileScores[] = [];
  for (const [index, file] of files.entries()) {
    const started = performance.now();
    const scores = runFile(file, options);
    if (out !== undefined) await writeFile(out, file, scores);
    perFile.push(scores);
    const seconds = (performance.now() - started) / 1000;
    const rows = file.series.times.length;
    onFile({ key: file.key, rows, index, total: files.length, seconds });
  }
  return new Map(
    names.map((name) => [name, scoreDetector(files, perFile, name)]),
  );
}

async function writeFile(
  out: string,
  file: CorpusFile,
  scores: FileScores,
): Promise<void> {
  for (const [name, values] of scores) {
    await writeResultsFile(out, name, file, values);
  }
}

function scoreDetector(
  files: readonly CorpusFile[],
  perFile: readonly FileScores[],
  name: string,
): ProfileScore[] {
  const scores = perFile.map((s) => s.get(name) ?? new Float64Array(0));
  return scoreCorpus(scoredFiles(files, scores));
}
