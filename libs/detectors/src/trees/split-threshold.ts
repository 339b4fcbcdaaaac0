/**
 * The threshold between two neighbouring sorted values `low < high`: their
 * midpoint, or `low` where rounding would put the midpoint on `high` (then
 * `high` would fall on the wrong side of `value <= threshold`).
 */
export function splitThreshold(low: number, high: number): number {
  const middle = low / 2 + high / 2;
  return middle >= high ? low : middle;
}

/** Marks each row of `rows` that goes left at `feature <= threshold`. */
export function markLeftRows(
  rows: Int32Array,
  values: Float64Array,
  columnStart: number,
  threshold: number,
  goesLeft: Uint8Array,
): void {
  for (const row of rows) {
    goesLeft[row] = values[columnStart + row] <= threshold ? 1 : 0;
  }
}
