import type { ProcessStat } from './process-stat.js';

/** One process among the busiest; the shape of a sample's `top_processes`. */
export interface ProcessUsage {
  readonly pid: number;
  readonly name: string;
  /** Percent of one core over the last scan interval (as `top` shows). */
  readonly cpu_percent: number;
  readonly memory_percent: number;
}

export interface TopProcesses {
  readonly by_cpu: readonly ProcessUsage[];
  readonly by_memory: readonly ProcessUsage[];
}

/** What turns ticks and pages into percentages. */
export interface ProcessScale {
  readonly clockTicksPerSecond: number;
  readonly pageBytes: number;
  readonly memoryTotalBytes: number;
}

/** A scan: the stats of every process, keyed by pid, and when it was taken. */
export interface ProcessScan {
  readonly atMs: number;
  readonly stats: ReadonlyMap<number, ProcessStat>;
}

/**
 * The `n` busiest processes by CPU and by memory between two scans. A
 * process missing from the earlier scan (or whose pid was reused) started
 * within the interval, so all its CPU time counts.
 */
export function topProcesses(
  before: ProcessScan,
  after: ProcessScan,
  scale: ProcessScale,
  n: number,
): TopProcesses {
  const seconds = (after.atMs - before.atMs) / 1000;
  const usages = [...after.stats.values()].map((stat) =>
    usageOf(stat, before.stats.get(stat.pid), seconds, scale),
  );
  return {
    by_cpu: topBy(usages, (u) => u.cpu_percent, n),
    by_memory: topBy(usages, (u) => u.memory_percent, n),
  };
}

function usageOf(
  stat: ProcessStat,
  earlier: ProcessStat | undefined,
  seconds: number,
  scale: ProcessScale,
): ProcessUsage {
  const sameProcess = earlier?.startTicks === stat.startTicks;
  const ticks = stat.cpuTicks - (sameProcess ? earlier.cpuTicks : 0);
  const cpuSeconds = Math.max(0, ticks) / scale.clockTicksPerSecond;
  const rssBytes = stat.rssPages * scale.pageBytes;
  return {
    pid: stat.pid,
    name: stat.name,
    cpu_percent: seconds > 0 ? round2((cpuSeconds / seconds) * 100) : 0,
    memory_percent: round2((rssBytes / scale.memoryTotalBytes) * 100),
  };
}

function topBy(
  usages: readonly ProcessUsage[],
  key: (usage: ProcessUsage) => number,
  n: number,
): ProcessUsage[] {
  return [...usages]
    .sort((a, b) => key(b) - key(a) || a.pid - b.pid)
    .slice(0, n);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
