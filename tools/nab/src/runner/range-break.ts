/**
 * The spatial check of the benchmark's HTM detector: a row whose value
 * leaves the range of every earlier value by more than `tolerance` times
 * that range scores 1, every other row 0. A level never seen before is an
 * anomaly however smoothly a model explains it. Rows before `from` only
 * widen the range (they are learning time). Reads only the past.
 */
export function rangeBreaks(
  values: ArrayLike<number>,
  from: number,
  tolerance: number,
): Float64Array {
  const breaks = new Float64Array(values.length);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const slack = (hi - lo) * tolerance;
    const outside = v > hi + slack || v < lo - slack;
    if (i >= from && hi > lo && outside) breaks[i] = 1;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return breaks;
}
