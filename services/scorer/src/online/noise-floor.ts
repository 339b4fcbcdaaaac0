import { Random, type Dataset } from '@hostwatch/detectors';

/**
 * The least spread an online model learns per feature, in the feature's
 * unit (percentage points, MHz, °C). A quiet host's warm-up can hold a
 * feature almost still (memory within 0.02 points for a minute); fitted
 * as it is, every later wobble of 0.1 points lies outside what the
 * isolation forest and the PCA saw and is flagged, and a flagged sample
 * never enters the rolling window, so the flags never stop. Widening each
 * feature to at least this spread keeps ordinary wobble normal while a
 * real load (tens of points) stays far outside.
 */
export const ONLINE_NOISE_FLOORS: Readonly<Record<string, number>> =
  Object.freeze({
    cpu_percent: 2,
    cpu_freq: 50,
    cpu_memory: 1,
    cpu_temp: 2,
    gpu_percent: 2,
    gpu_memory: 1,
    gpu_temp: 2,
  });

/**
 * A copy of `data` where each feature whose standard deviation is below
 * its floor gets seeded Gaussian noise that lifts it to the floor
 * (variances add). Missing values stay missing; other features are kept.
 */
export function withNoiseFloor(
  data: Dataset,
  floors: Readonly<Record<string, number>>,
  seed: number,
): Dataset {
  const values = Float64Array.from(data.values);
  const random = new Random(seed);
  const width = data.features.length;
  data.features.forEach((feature, col) => {
    const floor = floors[feature];
    if (floor === undefined) return;
    const std = columnStd(data, col);
    if (!(std < floor)) return;
    const added = Math.sqrt(floor * floor - std * std);
    for (let i = col; i < values.length; i += width) {
      if (!Number.isNaN(values[i])) values[i] += added * random.normal();
    }
  });
  return { ...data, values };
}

/** Population standard deviation of a column's present values. */
function columnStd(data: Dataset, col: number): number {
  const width = data.features.length;
  let count = 0;
  let sum = 0;
  let squares = 0;
  for (let i = col; i < data.values.length; i += width) {
    const value = data.values[i];
    if (Number.isNaN(value)) continue;
    count++;
    sum += value;
    squares += value * value;
  }
  if (count === 0) return Number.NaN;
  const mean = sum / count;
  return Math.sqrt(Math.max(0, squares / count - mean * mean));
}
