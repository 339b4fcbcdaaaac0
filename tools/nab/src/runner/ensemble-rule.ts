/**
 * How the ensemble joins its members' calibrated scores, row by row:
 * `mean` needs the members to agree; `max` lets one member's rare score
 * through, so members that see different kinds of anomaly add up.
 */
export type EnsembleRule = 'mean' | 'max';

export const ENSEMBLE_RULES: readonly EnsembleRule[] = ['mean', 'max'];

/** Joins equally long score arrays by `rule` into a new array. */
export function joinScores(
  parts: readonly Float64Array[],
  rows: number,
  rule: EnsembleRule,
): Float64Array {
  const joined = new Float64Array(rows);
  for (const part of parts) {
    for (let i = 0; i < rows; i++) {
      joined[i] =
        rule === 'max'
          ? Math.max(joined[i], part[i])
          : joined[i] + part[i] / parts.length;
    }
  }
  return joined;
}
