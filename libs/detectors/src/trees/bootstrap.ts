import type { Random } from '../core/random.js';

/**
 * A bootstrap sample of `rows` rows drawn with replacement, as a weight per
 * row: how many times the row was drawn (0 for rows left out).
 */
export function bootstrapSample(rows: number, random: Random): Float64Array {
  const weights = new Float64Array(rows);
  for (let i = 0; i < rows; i++) weights[random.int(rows)] += 1;
  return weights;
}

/** Shuffles the first `count` slots of `items` into a random draw. */
export function shuffleFirst(
  items: Int32Array,
  count: number,
  random: Random,
): void {
  for (let i = 0; i < count; i++) {
    const j = i + random.int(items.length - i);
    const swap = items[i];
    items[i] = items[j];
    items[j] = swap;
  }
}
