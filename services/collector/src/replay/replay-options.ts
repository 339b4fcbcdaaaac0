import { InvalidCollectorOptionError } from '../errors.js';
import type { PublisherOptions } from '../collector-options.js';

/** `max`: as fast as the stream acknowledges. */
export type ReplaySpeed = number | 'max';

export interface ReplayOptions extends PublisherOptions {
  /** A data set CSV: feature header, optional `timestamp` and `label`. */
  readonly file: string;
  /** 1 = one row per interval (real time), N = N times faster, or `max`. */
  readonly speed?: ReplaySpeed;
  /** Start again from the first row after the last (fleet simulation). */
  readonly loop?: boolean;
}

export const DEFAULT_REPLAY_SPEED: ReplaySpeed = 1;

/** Reads `max` or a positive number, as given on the command line. */
export function parseReplaySpeed(value: string | number): ReplaySpeed {
  if (value === 'max') return 'max';
  const speed = Number(value);
  if (!Number.isFinite(speed) || speed <= 0) {
    throw new InvalidCollectorOptionError(
      `replay speed "${value}" is invalid: expected a number > 0 or "max"`,
    );
  }
  return speed;
}
