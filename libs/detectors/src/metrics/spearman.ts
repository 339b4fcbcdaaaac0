import { InvalidInputError } from '../errors.js';

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks, tied
 * values sharing their average rank (scipy's `spearmanr`). Used to compare
 * two detectors' orderings when their scales differ.
 */
export function spearmanCorrelation(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): number {
  if (a.length !== b.length || a.length < 2) {
    throw new InvalidInputError(
      `${a.length} and ${b.length} values: expected two equal counts of at least 2`,
    );
  }
  return pearson(averageRanks(a), averageRanks(b));
}

/** 1-based ranks; a run of equal values gets the mean of its ranks. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((x, y) => values[x] - values[y]);
  const ranks = new Float64Array(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) {
      end++;
    }
    const rank = (start + end + 1) / 2;
    for (let i = start; i < end; i++) ranks[order[i]] = rank;
    start = end;
  }
  return ranks;
}

function pearson(a: Float64Array, b: Float64Array): number {
  const meanA = a.reduce((s, v) => s + v, 0) / a.length;
  const meanB = b.reduce((s, v) => s + v, 0) / b.length;
  let cov = 0;
  let varA = 0;
  let varB = 0;
  for (let i = 0; i < a.length; i++) {
    cov += (a[i] - meanA) * (b[i] - meanB);
    varA += (a[i] - meanA) ** 2;
    varB += (b[i] - meanB) ** 2;
  }
  return cov / Math.sqrt(varA * varB);
}
