import { InvalidOptionError } from '../errors.js';

/** Which change to watch for: a rising mean, a falling one, or both. */
export type DriftDirection = 'up' | 'down' | 'both';

export interface PageHinkleyOptions {
  /** Change magnitude tolerated without drifting (δ), >= 0. */
  readonly delta?: number;
  /** Alarm when the cumulative deviation exceeds this (λ), > 0. */
  readonly threshold?: number;
  /** Samples since the last reset before an alarm may fire, >= 1. */
  readonly minInstances?: number;
  readonly direction?: DriftDirection;
}

export const DEFAULT_PAGE_HINKLEY_DELTA = 0.005;
/** The seed's λ. */
export const DEFAULT_PAGE_HINKLEY_THRESHOLD = 50;
export const DEFAULT_PAGE_HINKLEY_MIN_INSTANCES = 30;
export const DEFAULT_PAGE_HINKLEY_DIRECTION: DriftDirection = 'both';

const DIRECTIONS: readonly DriftDirection[] = ['up', 'down', 'both'];

export function parsePageHinkleyOptions(
  options: PageHinkleyOptions = {},
): Required<PageHinkleyOptions> {
  const {
    delta = DEFAULT_PAGE_HINKLEY_DELTA,
    threshold = DEFAULT_PAGE_HINKLEY_THRESHOLD,
    minInstances = DEFAULT_PAGE_HINKLEY_MIN_INSTANCES,
    direction = DEFAULT_PAGE_HINKLEY_DIRECTION,
  } = options;
  if (!(delta >= 0 && Number.isFinite(delta))) {
    throw new InvalidOptionError(
      `delta ${delta} is out of range: expected a finite number >= 0`,
    );
  }
  if (!(threshold > 0 && Number.isFinite(threshold))) {
    throw new InvalidOptionError(
      `threshold ${threshold} is out of range: expected a finite number > 0`,
    );
  }
  if (!(Number.isInteger(minInstances) && minInstances >= 1)) {
    throw new InvalidOptionError(
      `minInstances ${minInstances} is out of range: expected an integer >= 1`,
    );
  }
  if (!DIRECTIONS.includes(direction)) {
    throw new InvalidOptionError(
      `direction ${String(direction)} is invalid: expected one of ${DIRECTIONS.join(', ')}`,
    );
  }
  return Object.freeze({ delta, threshold, minInstances, direction });
}

/**
 * The Page-Hinkley test for a change in the mean of a stream (e.g. anomaly
 * scores). For the upward test, with the running mean x̄ₙ including xₙ:
 *
 *     mₙ = Σ (xᵢ - x̄ᵢ - δ),  Mₙ = min mᵢ,  alarm when mₙ - Mₙ > λ
 *
 * after at least `minInstances` samples; the downward test mirrors it.
 * After an alarm every sum restarts, so the test then learns the new mean.
 * Unlike river's version there is no forgetting factor: it matches the
 * seed and shared/fixtures/README.md exactly.
 */
export class PageHinkley {
  readonly options: Required<PageHinkleyOptions>;
  /** The larger of the watched deviations, m - M (up) or m' - M' (down). */
  statistic = 0;
  /** The direction of the last alarm, null before the first one. */
  lastAlarm: 'up' | 'down' | null = null;

  private count = 0;
  private mean = 0;
  private upSum = 0;
  private upMin = 0;
  private downSum = 0;
  private downMin = 0;

  constructor(options?: PageHinkleyOptions) {
    this.options = parsePageHinkleyOptions(options);
  }

  /** Number of samples since the last alarm or reset. */
  get instances(): number {
    return this.count;
  }

  /** Adds one value; true when it raises an alarm (then the test resets). */
  update(x: number): boolean {
    const { delta, direction } = this.options;
    this.count++;
    this.mean += (x - this.mean) / this.count;
    this.upSum += x - this.mean - delta;
    this.upMin = Math.min(this.upMin, this.upSum);
    this.downSum += this.mean - x - delta;
    this.downMin = Math.min(this.downMin, this.downSum);

    const up = direction === 'down' ? 0 : this.upSum - this.upMin;
    const down = direction === 'up' ? 0 : this.downSum - this.downMin;
    this.statistic = Math.max(up, down);
    return this.checkAlarm(up, down);
  }

  /** Forgets everything seen, e.g. after the model set was retrained. */
  reset(): void {
    this.restart();
    this.statistic = 0;
    this.lastAlarm = null;
  }

  /** Restarts the sums; `statistic` keeps the value that raised an alarm. */
  private restart(): void {
    this.count = 0;
    this.mean = 0;
    this.upSum = 0;
    this.upMin = 0;
    this.downSum = 0;
    this.downMin = 0;
  }

  private checkAlarm(up: number, down: number): boolean {
    const { minInstances, threshold } = this.options;
    if (this.count < minInstances) return false;
    if (up <= threshold && down <= threshold) return false;
    this.lastAlarm = up >= down ? 'up' : 'down';
    this.restart();
    return true;
  }
}
