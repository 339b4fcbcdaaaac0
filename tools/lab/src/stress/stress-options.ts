import { LabError } from '../errors.js';

/**
 * What the load generator does, and for how long. Every part is optional;
 * at least one must be asked for.
 */
export interface StressOptions {
  readonly durationMs: number;
  /** Busy worker threads and the fraction of each period they spin. */
  readonly cpu?: { readonly workers: number; readonly duty: number };
  /** MiB allocated, touched page by page, and held until the end. */
  readonly memoryMiB?: number;
  /** MiB written (and fsynced) then read back per second, in a temp file. */
  readonly diskMiBPerSecond?: number;
  /** Short-lived child processes started per second. */
  readonly processesPerSecond?: number;
}

export const MAX_STRESS_DURATION_MS = 60 * 60 * 1000;

export function parseStressOptions(options: StressOptions): StressOptions {
  checkRange('duration', options.durationMs, 1, MAX_STRESS_DURATION_MS, 'ms');
  if (options.cpu) {
    checkRange('cpu workers', options.cpu.workers, 1, 256, '');
    checkRange('cpu duty', options.cpu.duty, 0.01, 1, '');
  }
  if (options.memoryMiB !== undefined) {
    checkRange('memory', options.memoryMiB, 1, 1024 * 1024, 'MiB');
  }
  if (options.diskMiBPerSecond !== undefined) {
    checkRange('disk rate', options.diskMiBPerSecond, 1, 4096, 'MiB/s');
  }
  if (options.processesPerSecond !== undefined) {
    checkRange('process storm', options.processesPerSecond, 1, 1000, '/s');
  }
  if (!hasAnyLoad(options)) {
    throw new LabError(
      'NO_LOAD',
      'stress needs at least one of --cpu, --memory, --disk, --processes',
    );
  }
  return Object.freeze({ ...options });
}

function hasAnyLoad(options: StressOptions): boolean {
  return (
    options.cpu !== undefined ||
    options.memoryMiB !== undefined ||
    options.diskMiBPerSecond !== undefined ||
    options.processesPerSecond !== undefined
  );
}

function checkRange(
  what: string,
  value: number,
  min: number,
  max: number,
  unit: string,
): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new LabError(
      'BAD_OPTION',
      `${what} ${String(value)}${unit} is out of range: expected ` +
        `${min}${unit} to ${max}${unit}`,
    );
  }
}
