import { InvalidInputError } from '../errors.js';
import { parseWindowedFeatureOptions } from './windowed-features-options.js';
import type { WindowedFeatureOptions } from './windowed-features-options.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** 1970-01-01 was a Thursday: this shift makes Monday day 0. */
const EPOCH_WEEKDAY = 3;
/** z-scores and range positions are clipped to +-this. */
export const WINDOWED_FEATURE_LIMIT = 1000;
/** A spread below this share of max(1, |mean|) counts as flat. */
const FLAT_SPREAD = 1e-9;

/**
 * A streaming feature stage for ONE metric: each `push(value, timestamp)`
 * returns the feature vector of that row, computed from the row and the
 * rows before it only: the value, its differences over a few lags, and
 * for each rolling window the mean, standard deviation, z-score and range
 * position of the value against the previous `w` rows, plus the time of
 * day (and optionally the day of week) on the unit circle.
 *
 * Until a window has filled, its statistics use the rows seen so far; a
 * lag reaching before the first row reads 0. The returned array is reused:
 * it is valid until the next `push`. Pushing allocates nothing: the past
 * lives in a ring buffer and each window keeps running sums.
 */
export class WindowedFeatures {
  readonly options: WindowedFeatureOptions;
  readonly names: readonly string[];
  private readonly ring: Float64Array;
  private readonly sums: Float64Array;
  private readonly squares: Float64Array;
  private readonly out: Float64Array;
  private head = 0;
  private count = 0;
  private origin = 0;

  constructor(options: Partial<WindowedFeatureOptions> = {}) {
    this.options = parseWindowedFeatureOptions(options);
    this.names = Object.freeze(windowedFeatureNames(this.options));
    const { windows, lags } = this.options;
    this.ring = new Float64Array(Math.max(1, ...windows, ...lags) + 1);
    this.sums = new Float64Array(windows.length);
    this.squares = new Float64Array(windows.length);
    this.out = new Float64Array(this.names.length);
  }

  /** Number of features in each vector. */
  get size(): number {
    return this.out.length;
  }

  /** Rows pushed since construction or the last `reset`. */
  get seen(): number {
    return this.count;
  }

  /** The features of the next row of the stream (a reused array). */
  push(value: number, timestamp: number): Float64Array {
    checkFinite('value', value);
    checkFinite('timestamp', timestamp);
    if (this.count === 0) this.origin = value;
    let at = 0;
    this.out[at++] = value;
    at = this.writeLags(value, at);
    at = this.writeWindows(value, at);
    this.writeTime(timestamp, at);
    this.remember(value);
    return this.out;
  }

  /** Forgets the past, as if newly built. */
  reset(): void {
    this.head = 0;
    this.count = 0;
    this.sums.fill(0);
    this.squares.fill(0);
  }

  /** The value `k` rows back (1 = the previous row). */
  private past(k: number): number {
    const n = this.ring.length;
    return this.ring[(this.head - k + n) % n];
  }

  private writeLags(value: number, at: number): number {
    for (const lag of this.options.lags) {
      this.out[at++] = lag <= this.count ? value - this.past(lag) : 0;
    }
    return at;
  }

  private writeWindows(value: number, at: number): number {
    const { windows } = this.options;
    for (let w = 0; w < windows.length; w++) {
      const n = Math.min(windows[w], this.count);
      const mean = n === 0 ? value : this.origin + this.sums[w] / n;
      const std = n === 0 ? 0 : this.spread(w, n);
      this.out[at++] = mean;
      this.out[at++] = std;
      this.out[at++] = ratio(value - mean, std, mean);
      at = this.writeRange(value, n, at);
    }
    return at;
  }

  private spread(w: number, n: number): number {
    const m = this.sums[w] / n;
    return Math.sqrt(Math.max(0, this.squares[w] / n - m * m));
  }

  /**
   * Position of the value in the previous rows' range: -1 min, +1 max.
   * TODO: the scan costs O(w) per push, fine for the few hundred rows
   * used here; windows of thousands of rows would want monotonic deques.
   */
  private writeRange(value: number, n: number, at: number): number {
    let lo = n === 0 ? value : Infinity;
    let hi = n === 0 ? value : -Infinity;
    for (let k = 1; k <= n; k++) {
      const v = this.past(k);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const mid = (lo + hi) / 2;
    this.out[at++] = ratio(value - mid, (hi - lo) / 2, mid);
    return at;
  }

  private writeTime(timestamp: number, at: number): void {
    const day = timestamp / DAY_MS;
    if (this.options.timeOfDay) at = writeCircle(this.out, at, day % 1);
    if (this.options.dayOfWeek) {
      writeCircle(this.out, at, ((day + EPOCH_WEEKDAY) % 7) / 7);
    }
  }

  /** Adds the value to the ring and slides every window past it. */
  private remember(value: number): void {
    const { windows } = this.options;
    const x = value - this.origin;
    for (let w = 0; w < windows.length; w++) {
      if (this.count >= windows[w]) {
        const old = this.past(windows[w]) - this.origin;
        this.sums[w] -= old;
        this.squares[w] -= old * old;
      }
      this.sums[w] += x;
      this.squares[w] += x * x;
    }
    this.ring[this.head] = value;
    this.head = (this.head + 1) % this.ring.length;
    this.count++;
  }
}

/** The feature names, in vector order, for the given options. */
export function windowedFeatureNames(
  options: WindowedFeatureOptions,
): string[] {
  const names = ['value', ...options.lags.map((lag) => `diff_${lag}`)];
  for (const w of options.windows) {
    names.push(`mean_${w}`, `std_${w}`, `z_${w}`, `range_${w}`);
  }
  if (options.timeOfDay) names.push('time_of_day_sin', 'time_of_day_cos');
  if (options.dayOfWeek) names.push('day_of_week_sin', 'day_of_week_cos');
  return names;
}

/** `num / den`, with a flat `den` read as a tiny spread, then clipped. */
function ratio(num: number, den: number, level: number): number {
  const floor = FLAT_SPREAD * Math.max(1, Math.abs(level));
  const r = num / Math.max(den, floor);
  return Math.max(-WINDOWED_FEATURE_LIMIT, Math.min(WINDOWED_FEATURE_LIMIT, r));
}

function writeCircle(out: Float64Array, at: number, turn: number): number {
  out[at] = Math.sin(2 * Math.PI * turn);
  out[at + 1] = Math.cos(2 * Math.PI * turn);
  return at + 2;
}

function checkFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) {
    throw new InvalidInputError(
      `${name} ${String(value)} is not a finite number: expected one per row`,
    );
  }
}
