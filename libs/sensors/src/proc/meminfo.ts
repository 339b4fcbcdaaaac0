import { SensorParseError } from '../errors.js';

/** Memory and swap use from /proc/meminfo, percent. */
export interface MemoryUsage {
  /** (MemTotal - MemAvailable) / MemTotal. */
  readonly memoryPercent: number;
  /** Null when the host has no swap. */
  readonly swapPercent: number | null;
  readonly totalBytes: number;
}

export function parseMeminfo(text: string): MemoryUsage {
  const kb = meminfoFields(text);
  const total = kb.get('MemTotal');
  const available = kb.get('MemAvailable') ?? freeEstimate(kb);
  if (total === undefined || total <= 0 || available === undefined) {
    throw new SensorParseError(
      '/proc/meminfo',
      'expected MemTotal and MemAvailable (or MemFree, Buffers, Cached)',
    );
  }
  const swapTotal = kb.get('SwapTotal') ?? 0;
  const swapFree = kb.get('SwapFree') ?? swapTotal;
  return {
    memoryPercent: ((total - available) / total) * 100,
    swapPercent:
      swapTotal > 0 ? ((swapTotal - swapFree) / swapTotal) * 100 : null,
    totalBytes: total * 1024,
  };
}

function meminfoFields(text: string): Map<string, number> {
  const kb = new Map<string, number>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const value = Number.parseInt(line.slice(colon + 1), 10);
    if (Number.isFinite(value)) kb.set(line.slice(0, colon), value);
  }
  return kb;
}

/** Kernels before 3.14 lack MemAvailable. */
function freeEstimate(kb: ReadonlyMap<string, number>): number | undefined {
  const free = kb.get('MemFree');
  if (free === undefined) return undefined;
  return free + (kb.get('Buffers') ?? 0) + (kb.get('Cached') ?? 0);
}
