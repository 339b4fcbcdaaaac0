import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { parseMeminfo } from '../proc/meminfo.js';
import { scanProcesses } from './scan-processes.js';
import {
  topProcesses,
  type ProcessScan,
  type TopProcesses,
} from './top-processes.js';

export interface ProcessReaderOptions {
  readonly procRoot: string;
  readonly topN: number;
  readonly clockTicksPerSecond: number;
  readonly pageBytes: number;
}

/**
 * The interval of the very first pair of scans, ms. The first read's time
 * (as `onTiming` reports it) includes this wait.
 */
const BASELINE_MS = 500;

/**
 * A read function for a slow sensor: scans every process and ranks them
 * against the previous scan. The first call scans twice, BASELINE_MS apart,
 * so that even the first answer has CPU shares.
 */
export function processReader(
  options: ProcessReaderOptions,
): () => Promise<TopProcesses> {
  let previous: ProcessScan | null = null;
  return async () => {
    if (previous === null) {
      previous = await scanProcesses(options.procRoot);
      await sleep(BASELINE_MS);
    }
    const current = await scanProcesses(options.procRoot);
    const top = topProcesses(previous, current, scaleOf(options), options.topN);
    previous = current;
    return top;
  };
}

function scaleOf(options: ProcessReaderOptions) {
  const meminfo = readFileSync(join(options.procRoot, 'meminfo'), 'utf8');
  return {
    clockTicksPerSecond: options.clockTicksPerSecond,
    pageBytes: options.pageBytes,
    memoryTotalBytes: parseMeminfo(meminfo).totalBytes,
  };
}
