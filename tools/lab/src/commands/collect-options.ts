import { parseDuration } from '../cli/duration.js';
import { LabError } from '../errors.js';

/** The options both collect commands share. */
export const COLLECT_OPTIONS = {
  duration: { type: 'string' },
  interval: { type: 'string', default: '1s' },
  out: { type: 'string' },
  'all-features': { type: 'boolean', default: false },
} as const;

export const COLLECT_USAGE = `  --duration <d>      how long to record (e.g. 90s, 20m)
  --interval <d>      time between samples (default 1s)
  --out <csv>         where to save
  --all-features      also keep per-core load, swap, disk, network and
                      process count (default: the seven seed features)`;

export interface CollectTiming {
  readonly durationMs: number;
  readonly intervalMs: number;
}

export function collectTiming(
  duration: string,
  interval: string,
): CollectTiming {
  const durationMs = parseDuration('duration', duration);
  const intervalMs = parseDuration('interval', interval);
  if (intervalMs > durationMs) {
    throw new LabError(
      'BAD_OPTION',
      `--interval ${interval} is longer than --duration ${duration}: ` +
        'expected at least one sample',
    );
  }
  return { durationMs, intervalMs };
}
