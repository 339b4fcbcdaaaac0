import type { Detector } from '../../core/detector.js';
import { rowOf, type FeatureMatrix } from '../../core/feature-matrix.js';

/** The detector's score of every row of `x`. */
export function scoreMatrix(
  detector: Detector,
  x: FeatureMatrix,
): Float64Array {
  const scores = new Float64Array(x.rows);
  for (let r = 0; r < x.rows; r++) scores[r] = detector.score(rowOf(x, r));
  return scores;
}

/** Asserts-friendly check that two detectors score `x` identically. */
export function sameScores(
  a: Detector,
  b: Detector,
  x: FeatureMatrix,
): boolean {
  const first = scoreMatrix(a, x);
  const second = scoreMatrix(b, x);
  return first.every((score, r) => Object.is(score, second[r]));
}

/** A JSON round trip through text, as a model file makes. */
export function viaText(detector: Detector): unknown {
  return JSON.parse(JSON.stringify(detector.toJSON()));
}
