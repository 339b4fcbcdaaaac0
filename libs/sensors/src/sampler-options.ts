import { InvalidSensorOptionError } from './errors.js';
import type {
  SensorEventListener,
  SensorTimingListener,
} from './sensor-events.js';

export interface HostSamplerOptions {
  /** Where procfs is mounted (a test may point at a copy). */
  readonly procRoot?: string;
  readonly sysRoot?: string;
  /** The nvidia-smi command; null skips the GPU. */
  readonly nvidiaSmiCommand?: string | null;
  /** Processes listed by CPU and by memory; 0 turns the scan off. */
  readonly topN?: number;
  readonly temperatureIntervalMs?: number;
  readonly gpuIntervalMs?: number;
  readonly processIntervalMs?: number;
  /** A slow read pending this long is reported hung (and nvidia-smi killed). */
  readonly hangTimeoutMs?: number;
  /** A slow reading older than this is served as null. */
  readonly staleAfterMs?: number;
  /** How long `start()` waits for the first slow readings. */
  readonly startWaitMs?: number;
  /** USER_HZ, the unit of /proc/<pid>/stat times (100 on Linux). */
  readonly clockTicksPerSecond?: number;
  readonly pageBytes?: number;
  /** Use systeminformation where sysfs shows no CPU temperature. */
  readonly systeminformationFallback?: boolean;
  readonly onEvent?: SensorEventListener;
  readonly onTiming?: SensorTimingListener;
}

export type ParsedHostSamplerOptions = Readonly<
  Required<Omit<HostSamplerOptions, 'nvidiaSmiCommand'>> & {
    nvidiaSmiCommand: string | null;
  }
>;

export const DEFAULT_PROC_ROOT = '/proc';
export const DEFAULT_SYS_ROOT = '/sys';
export const DEFAULT_NVIDIA_SMI_COMMAND = 'nvidia-smi';
export const DEFAULT_TOP_N = 5;
export const DEFAULT_TEMPERATURE_INTERVAL_MS = 5_000;
// TODO: each nvidia-smi call spawns a process (tens of ms of CPU on a GPU
// host); `nvidia-smi -lms <ms>` streaming from one long-lived child would
// let this interval shrink to 1 s within the collector's CPU budget.
export const DEFAULT_GPU_INTERVAL_MS = 5_000;
export const DEFAULT_PROCESS_INTERVAL_MS = 5_000;
export const DEFAULT_HANG_TIMEOUT_MS = 10_000;
export const DEFAULT_STALE_AFTER_MS = 60_000;
export const DEFAULT_START_WAIT_MS = 3_000;
export const DEFAULT_CLOCK_TICKS_PER_SECOND = 100;
export const DEFAULT_PAGE_BYTES = 4096;

const ignore = (): void => {};

export function parseHostSamplerOptions(
  options: HostSamplerOptions = {},
): ParsedHostSamplerOptions {
  return Object.freeze({
    procRoot: options.procRoot ?? DEFAULT_PROC_ROOT,
    sysRoot: options.sysRoot ?? DEFAULT_SYS_ROOT,
    nvidiaSmiCommand:
      options.nvidiaSmiCommand === undefined
        ? DEFAULT_NVIDIA_SMI_COMMAND
        : options.nvidiaSmiCommand,
    topN: count('topN', options.topN ?? DEFAULT_TOP_N),
    temperatureIntervalMs: positive(
      'temperatureIntervalMs',
      options.temperatureIntervalMs ?? DEFAULT_TEMPERATURE_INTERVAL_MS,
    ),
    gpuIntervalMs: positive(
      'gpuIntervalMs',
      options.gpuIntervalMs ?? DEFAULT_GPU_INTERVAL_MS,
    ),
    processIntervalMs: positive(
      'processIntervalMs',
      options.processIntervalMs ?? DEFAULT_PROCESS_INTERVAL_MS,
    ),
    hangTimeoutMs: positive(
      'hangTimeoutMs',
      options.hangTimeoutMs ?? DEFAULT_HANG_TIMEOUT_MS,
    ),
    staleAfterMs: positive(
      'staleAfterMs',
      options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS,
    ),
    startWaitMs: count(
      'startWaitMs',
      options.startWaitMs ?? DEFAULT_START_WAIT_MS,
    ),
    clockTicksPerSecond: positive(
      'clockTicksPerSecond',
      options.clockTicksPerSecond ?? DEFAULT_CLOCK_TICKS_PER_SECOND,
    ),
    pageBytes: positive('pageBytes', options.pageBytes ?? DEFAULT_PAGE_BYTES),
    systeminformationFallback: options.systeminformationFallback ?? true,
    onEvent: options.onEvent ?? ignore,
    onTiming: options.onTiming ?? ignore,
  });
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new InvalidSensorOptionError(
      `${name} ${value} is out of range: expected a number > 0`,
    );
  }
  return value;
}

function count(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidSensorOptionError(
      `${name} ${value} is out of range: expected an integer >= 0`,
    );
  }
  return value;
}
