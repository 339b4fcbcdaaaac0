import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';

import { parseProcessStat, type ProcessStat } from './process-stat.js';
import type { ProcessScan } from './top-processes.js';

/** Pids read between two turns of the event loop. */
const PIDS_PER_TURN = 64;

const PID_DIR = /^\d+$/;

/** The pids listed under `procRoot`: the host's process count. */
export function listPids(procRoot: string): number[] {
  return readdirSync(procRoot)
    .filter((name) => PID_DIR.test(name))
    .map(Number);
}

/**
 * Reads every /proc/<pid>/stat. Reads are synchronous (procfs answers from
 * memory, and sync reads cost a fraction of async ones) but yield to the
 * event loop every PIDS_PER_TURN pids, so a host with thousands of
 * processes never stalls a sample.
 */
export async function scanProcesses(procRoot: string): Promise<ProcessScan> {
  const stats = new Map<number, ProcessStat>();
  const pids = listPids(procRoot);
  for (let i = 0; i < pids.length; i++) {
    if (i > 0 && i % PIDS_PER_TURN === 0) await yieldToLoop();
    const stat = readStat(procRoot, pids[i]);
    if (stat !== null) stats.set(stat.pid, stat);
  }
  return { atMs: performance.now(), stats };
}

/** Null for a process that exited between the listing and the read. */
function readStat(procRoot: string, pid: number): ProcessStat | null {
  try {
    return parseProcessStat(
      readFileSync(join(procRoot, `${pid}`, 'stat'), 'utf8'),
    );
  } catch {
    return null;
  }
}
