/** The share of each file that is learning time, never scored. */
export const PROBATION_FRACTION = 0.15;

/** The probationary period never exceeds this many rows. */
export const MAX_PROBATION_ROWS = 750;

/** Rows of a file of `rowCount` rows that are left out of scoring. */
export function probationLength(rowCount: number): number {
  return Math.min(
    Math.floor(PROBATION_FRACTION * rowCount),
    MAX_PROBATION_ROWS,
  );
}
