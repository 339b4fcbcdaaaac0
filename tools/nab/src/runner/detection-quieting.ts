/**
 * Damps the scores that follow a detection, as the benchmark's detectors
 * commonly do: after a row scoring at least `level`, the next `rows` rows
 * are scaled by `QUIET_FACTOR`, so one anomaly reads as one detection and
 * not as a run of false positives. Reads only the past. Works in place.
 */
export function quietAfterDetections(
  scores: Float64Array,
  from: number,
  level: number,
  rows: number,
): Float64Array {
  let quietUntil = -1;
  for (let i = from; i < scores.length; i++) {
    if (i <= quietUntil) {
      scores[i] *= QUIET_FACTOR;
    } else if (scores[i] >= level) {
      quietUntil = i + rows;
    }
  }
  return scores;
}

/** What a damped score keeps of itself. */
export const QUIET_FACTOR = 0.1;
