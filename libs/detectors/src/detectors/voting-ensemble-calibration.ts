import { InvalidInputError, ModelFormatError } from '../errors.js';

/** Quantiles kept per member: every percentile, 0 to 100. */
export const DEFAULT_CALIBRATION_QUANTILES = 101;

/**
 * A compact empirical CDF of one detector's training scores: the score at
 * each of `n` evenly spaced quantiles. `cdf(score)` maps any score to [0, 1]
 * so that scores of different detectors (path lengths, probabilities,
 * reconstruction errors) can be averaged.
 *
 * Ties (a forest scoring most normal rows exactly 0) get the middle of the
 * quantile range they span, not its top, so a tie-heavy member does not
 * pull every normal sample towards 1.
 */
export class QuantileCalibration {
  readonly quantiles: Float64Array;

  constructor(quantiles: Float64Array) {
    this.quantiles = quantiles;
  }

  /** The table of `count` quantiles of `scores` (linear interpolation). */
  static fit(
    scores: Float64Array,
    count = DEFAULT_CALIBRATION_QUANTILES,
  ): QuantileCalibration {
    if (scores.length === 0 || scores.some((s) => !Number.isFinite(s))) {
      throw new InvalidInputError(
        `calibration got ${scores.length} scores with a non-finite one: ` +
          'expected at least 1, all finite',
      );
    }
    const sorted = Float64Array.from(scores).sort();
    const table = new Float64Array(count);
    for (let q = 0; q < count; q++) {
      table[q] = quantileOf(sorted, q / (count - 1));
    }
    return new QuantileCalibration(table);
  }

  static fromJSON(json: unknown): QuantileCalibration {
    if (
      !Array.isArray(json) ||
      json.length < 2 ||
      !json.every((v) => typeof v === 'number' && Number.isFinite(v)) ||
      json.some((v, i) => i > 0 && (v as number) < (json[i - 1] as number))
    ) {
      throw new ModelFormatError(
        'calibration is not a table: expected at least 2 finite numbers in ascending order',
      );
    }
    return new QuantileCalibration(Float64Array.from(json as number[]));
  }

  /** The calibrated score in [0, 1]; no allocation. */
  cdf(score: number): number {
    const table = this.quantiles;
    const last = table.length - 1;
    if (score < table[0]) return 0;
    if (score > table[last]) return 1;
    const below = countBelow(table, score);
    // Most scores tie no entry: then no second search.
    const upTo = table[below] === score ? countUpTo(table, score) : below;
    if (upTo > below) return (below + upTo - 1) / (2 * last);
    const low = table[below - 1];
    const high = table[below];
    return (below - 1 + (score - low) / (high - low)) / last;
  }

  toJSON(): number[] {
    return Array.from(this.quantiles);
  }
}

function quantileOf(sorted: Float64Array, p: number): number {
  const at = p * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (at - low) * (sorted[high] - sorted[low]);
}

/** Entries strictly below `value` (binary search over a sorted table). */
function countBelow(table: Float64Array, value: number): number {
  let low = 0;
  let high = table.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (table[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Entries at or below `value`. */
function countUpTo(table: Float64Array, value: number): number {
  let low = 0;
  let high = table.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (table[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
