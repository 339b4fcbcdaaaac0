import { startCpuLoad } from './cpu-load.js';
import { startDiskLoad } from './disk-load.js';
import type { LoadHandle } from './load-handle.js';
import { startMemoryLoad } from './memory-load.js';
import { startProcessStorm } from './process-storm.js';
import { parseStressOptions } from './stress-options.js';
import type { StressOptions } from './stress-options.js';

export interface StressReport {
  readonly loads: readonly string[];
  readonly startedAt: number;
  readonly endedAt: number;
  /** True when the signal ended the episode before its duration. */
  readonly aborted: boolean;
}

/**
 * Runs one bounded stress episode: starts every load asked for, holds them
 * for the duration (or until `signal` aborts), then stops them all, also
 * when starting one of them failed.
 */
export async function runStress(
  options: StressOptions,
  signal?: AbortSignal,
): Promise<StressReport> {
  const plan = parseStressOptions(options);
  const startedAt = Date.now();
  const loads: LoadHandle[] = [];
  try {
    await startLoads(plan, loads);
    const aborted = await holdFor(plan.durationMs, signal);
    return {
      loads: loads.map((load) => load.name),
      startedAt,
      endedAt: Date.now(),
      aborted,
    };
  } finally {
    await Promise.allSettled(loads.map((load) => load.stop()));
  }
}

async function startLoads(
  plan: StressOptions,
  loads: LoadHandle[],
): Promise<void> {
  if (plan.cpu) loads.push(startCpuLoad(plan.cpu.workers, plan.cpu.duty));
  if (plan.memoryMiB) loads.push(await startMemoryLoad(plan.memoryMiB));
  if (plan.diskMiBPerSecond) {
    loads.push(await startDiskLoad(plan.diskMiBPerSecond));
  }
  if (plan.processesPerSecond) {
    loads.push(startProcessStorm(plan.processesPerSecond));
  }
}

/** Resolves after `ms`, or early with `true` when the signal aborts. */
function holdFor(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(false);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
