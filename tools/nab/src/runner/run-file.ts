import type { CorpusFile } from '../corpus/load-corpus.js';
import { probationLength } from '../scoring/probation.js';
import { quietAfterDetections } from './detection-quieting.js';
import { joinScores } from './ensemble-rule.js';
import { streamMember } from './member-stream.js';
import type { NabRunOptions } from './nab-run-options.js';
import { rangeBreaks } from './range-break.js';
import { streamFeatures } from './stream-features.js';

/** The name of the combined detector in results and tables. */
export const ENSEMBLE = 'ensemble';

/** Per-row scores of one file: the ensemble first, then each member. */
export type FileScores = ReadonlyMap<string, Float64Array>;

/**
 * Runs every member over one file, row by row, and combines them: the
 * ensemble joins the calibrated scores of the members named in
 * `options.ensemble` by `options.ensembleRule`, and scores 1 where the
 * value breaks out of its past range. Each output is then damped after
 * its own detections.
 */
export function runFile(file: CorpusFile, options: NabRunOptions): FileScores {
  const features = streamFeatures(file.series, options.features);
  const probation = probationLength(features.rows);
  const members = options.detectors.map((name) => ({
    name,
    scores: streamMember(name, features, probation, options),
  }));
  const voters = members.filter((m) => options.ensemble.includes(m.name));
  const ensemble = ensembleScores(
    file,
    voters.map((m) => m.scores),
    probation,
    options,
  );
  const all = [{ name: ENSEMBLE, scores: ensemble }, ...members];
  return new Map(
    all.map(({ name, scores }) => [
      name,
      quietAfterDetections(
        scores,
        probation,
        options.detectionLevel,
        options.quietRows,
      ),
    ]),
  );
}

function ensembleScores(
  file: CorpusFile,
  parts: readonly Float64Array[],
  probation: number,
  options: NabRunOptions,
): Float64Array {
  const rows = file.series.times.length;
  const joined = joinScores(parts, rows, options.ensembleRule);
  if (options.rangeTolerance === 0) return joined;
  const values = file.series.columns.get('value') ?? new Float64Array(rows);
  const breaks = rangeBreaks(values, probation, options.rangeTolerance);
  return joinScores([joined, breaks], rows, 'max');
}
