import { setTimeout as sleep } from 'node:timers/promises';

import { FEATURE_ORDER } from '@hostwatch/detectors';
import type { Dataset } from '@hostwatch/detectors';
import { HostSampler } from '@hostwatch/sensors';
import type { HostSamplerOptions, Reading } from '@hostwatch/sensors';

/** Decides each row's label at the moment it is sampled. */
export type LabelAt = (timestamp: number) => 0 | 1;

export interface RecordOptions {
  readonly durationMs: number;
  readonly intervalMs: number;
  /** Without it, the data set has no label column. */
  readonly labelAt?: LabelAt;
  /** Keep the extras (per-core load, swap, disk, network...) too. */
  readonly allFeatures?: boolean;
  readonly sampler?: HostSamplerOptions;
  /** Ends the recording early; what was recorded is kept. */
  readonly signal?: AbortSignal;
  readonly onRow?: (row: number, elapsedMs: number, label?: 0 | 1) => void;
}

/**
 * Samples this host at a fixed interval (the collector's reader) into a
 * data set, labelling each row when asked. Sampling is scheduled against
 * the start time, so a slow tick does not shift the ones after it.
 */
export async function recordSamples(options: RecordOptions): Promise<Dataset> {
  const sampler = new HostSampler(options.sampler);
  await sampler.start();
  const rows: Reading[] = [];
  const labels: (0 | 1)[] = [];
  try {
    const start = Date.now();
    for (let tick = 1; !options.signal?.aborted; tick++) {
      tick = nextTick(start, tick, options.intervalMs);
      const due = start + tick * options.intervalMs;
      if (due - start > options.durationMs) break;
      await sleep(Math.max(0, due - Date.now()), undefined, {
        signal: options.signal,
      }).catch(() => undefined);
      if (options.signal?.aborted) break;
      const reading = sampler.read();
      const label = options.labelAt?.(reading.timestamp);
      rows.push(reading);
      if (label !== undefined) labels.push(label);
      options.onRow?.(rows.length, Date.now() - start, label);
    }
  } finally {
    sampler.stop();
  }
  return toDataset(rows, options.labelAt ? labels : undefined, options);
}

/**
 * The tick to sample next: `tick`, unless the process was held up past it
 * (a busy host), in which case missed ticks are skipped rather than taken
 * back to back, which would give readings a few ms apart.
 */
function nextTick(start: number, tick: number, intervalMs: number): number {
  const late = Date.now() - (start + tick * intervalMs);
  return late > intervalMs / 2 ? tick + Math.ceil(late / intervalMs) : tick;
}

function toDataset(
  readings: readonly Reading[],
  labels: readonly (0 | 1)[] | undefined,
  options: RecordOptions,
): Dataset {
  const features = featureColumns(readings[0], options.allFeatures ?? false);
  const values = new Float64Array(readings.length * features.length);
  readings.forEach((reading, row) => {
    features.forEach((name, col) => {
      const value = reading.features[name];
      values[row * features.length + col] = value ?? NaN;
    });
  });
  return {
    features,
    rows: readings.length,
    values,
    labels: labels ? Uint8Array.from(labels) : undefined,
    timestamps: readings.map((r) => new Date(r.timestamp).toISOString()),
  };
}

function featureColumns(
  first: Reading | undefined,
  allFeatures: boolean,
): string[] {
  if (!allFeatures || first === undefined) return [...FEATURE_ORDER];
  return Object.keys(first.features);
}
