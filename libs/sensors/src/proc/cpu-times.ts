import { SensorParseError } from '../errors.js';

/** Jiffies a CPU spent busy and in total since boot (/proc/stat). */
export interface CpuTimes {
  readonly busy: number;
  readonly total: number;
}

/** The `cpu` line and each `cpu<i>` line of /proc/stat, in core order. */
export interface ProcStat {
  readonly total: CpuTimes;
  readonly cores: readonly CpuTimes[];
}

export function parseProcStat(text: string): ProcStat {
  let total: CpuTimes | undefined;
  const cores: CpuTimes[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('cpu')) continue;
    const [name, ...fields] = line.split(/\s+/);
    if (name === 'cpu') total = cpuTimes(fields);
    else cores[Number(name.slice(3))] = cpuTimes(fields);
  }
  if (total === undefined) {
    throw new SensorParseError('/proc/stat', 'no "cpu" line');
  }
  return { total, cores };
}

/**
 * user nice system idle iowait irq softirq steal (guest time is already
 * counted in user and nice); idle and iowait are the idle part.
 */
function cpuTimes(fields: readonly string[]): CpuTimes {
  const jiffies = fields.slice(0, 8).map(Number);
  if (jiffies.length < 4 || jiffies.some((n) => !Number.isFinite(n))) {
    throw new SensorParseError(
      '/proc/stat',
      `cpu fields "${fields.join(' ')}": expected at least 4 counters`,
    );
  }
  const total = jiffies.reduce((sum, n) => sum + n, 0);
  const idle = jiffies[3] + (jiffies[4] ?? 0);
  return { busy: total - idle, total };
}

/** Busy share between two readings, 0..100; null when no time passed. */
export function cpuPercent(before: CpuTimes, after: CpuTimes): number | null {
  const total = after.total - before.total;
  if (total <= 0) return null;
  const busy = Math.max(0, after.busy - before.busy);
  return Math.min(100, (busy / total) * 100);
}
