import type { CorpusFile } from '../corpus/load-corpus.js';
import { probationLength } from '../scoring/probation.js';
import { quietAfterDetections } from './detection-quieting.js';
import { streamMember } from './member-stream.js';
import type { NabRunOptions } from './nab-run-options.js';
import { streamFeatures } from './stream-features.js';

/** The name of the combined detector in results and tables. */
export const ENSEMBLE = 'ensemble';

/** Per-row scores of one file: the ensemble first, then each member. */
export type FileScores = ReadonlyMap<string, Float64Array>;

/**
 * Runs every member over one file, row by row, and combines them: the
 * ensemble's score is the mean of the calibrated scores of the members
 * named in `options.ensemble`. Each output is then damped after its own
 * detections.
 */
export function runFile(file: CorpusFile, options: NabRunOptions): FileScores {
  const features = streamFeatures(file.series, options.features);
  const probation = probationLength(features.rows);
  const members = options.detectors.map((name) => ({
    name,
    scores: streamMember(name, features, probation, options),
  }));
  const voters = members.filter((m) => options.ensemble.includes(m.name));
  const ensemble = meanOf(
    voters.map((m) => m.scores),
    features.rows,
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

function meanOf(parts: readonly Float64Array[], rows: number): Float64Array {
  const mean = new Float64Array(rows);
  for (const part of parts) {
    for (let i = 0; i < rows; i++) mean[i] += part[i] / parts.length;
  }
  return mean;
}
