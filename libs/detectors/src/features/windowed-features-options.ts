import { InvalidOptionError } from '../errors.js';

export interface WindowedFeatureOptions {
  /**
   * Rolling windows, in rows: each adds the mean, standard deviation,
   * z-score and range position of the value against the previous `w`
   * rows.
   */
  readonly windows: readonly number[];
  /** Lags, in rows: each adds `value - value[t - lag]`. */
  readonly lags: readonly number[];
  /** Adds the time of day as a point on the unit circle (sin, cos). */
  readonly timeOfDay: boolean;
  /** Adds the day of the week as a point on the unit circle (sin, cos). */
  readonly dayOfWeek: boolean;
}

export const DEFAULT_WINDOWED_FEATURE_WINDOWS: readonly number[] = [6, 36, 288];
export const DEFAULT_WINDOWED_FEATURE_LAGS: readonly number[] = [1, 6];
export const DEFAULT_WINDOWED_FEATURE_TIME_OF_DAY = true;
export const DEFAULT_WINDOWED_FEATURE_DAY_OF_WEEK = false;

/** The longest window or lag: the stage keeps this many past values. */
export const MAX_WINDOWED_FEATURE_SPAN = 100_000;

export function parseWindowedFeatureOptions(
  options: Partial<WindowedFeatureOptions> = {},
): WindowedFeatureOptions {
  const windows = options.windows ?? DEFAULT_WINDOWED_FEATURE_WINDOWS;
  const lags = options.lags ?? DEFAULT_WINDOWED_FEATURE_LAGS;
  return Object.freeze({
    windows: Object.freeze(spans('windows', windows, 2)),
    lags: Object.freeze(spans('lags', lags, 1)),
    timeOfDay: flag(
      'timeOfDay',
      options.timeOfDay ?? DEFAULT_WINDOWED_FEATURE_TIME_OF_DAY,
    ),
    dayOfWeek: flag(
      'dayOfWeek',
      options.dayOfWeek ?? DEFAULT_WINDOWED_FEATURE_DAY_OF_WEEK,
    ),
  });
}

function spans(name: string, values: readonly number[], min: number): number[] {
  values.forEach((value) => {
    if (
      !Number.isInteger(value) ||
      value < min ||
      value > MAX_WINDOWED_FEATURE_SPAN
    ) {
      throw new InvalidOptionError(
        `${name} entry ${String(value)} is out of range: ` +
          `expected an integer in [${min}, ${MAX_WINDOWED_FEATURE_SPAN}]`,
      );
    }
  });
  if (new Set(values).size !== values.length) {
    throw new InvalidOptionError(
      `${name} [${values.join(', ')}] repeats an entry: expected distinct spans`,
    );
  }
  return [...values];
}

function flag(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new InvalidOptionError(
      `${name} ${String(value)} is not a boolean: expected true or false`,
    );
  }
  return value;
}
