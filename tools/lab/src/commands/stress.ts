import { availableParallelism } from 'node:os';

import { parseDuration } from '../cli/duration.js';
import type { Command } from '../cli/command.js';
import { numberOption, parseOptions } from '../cli/parse-options.js';
import { runStress } from '../stress/run-stress.js';
import type { StressOptions } from '../stress/stress-options.js';

const USAGE = `Usage: npm run lab -- stress [options]

Generates load on this host for a bounded time, then releases everything
it took. Give one or more of --cpu, --memory, --disk, --processes.

Options:
  --duration <d>      how long (e.g. 30s, 2m; default 30s)
  --cpu <n>           busy worker threads (default: none; "all" = one per core)
  --duty <f>          fraction of each 100 ms period a worker spins (default 1)
  --memory <mib>      MiB to allocate and keep resident
  --disk <mib/s>      MiB per second written, fsynced and read back
  --processes <n/s>   short-lived processes started per second
  -h, --help          this text`;

export const stressCommand: Command = {
  name: 'stress',
  summary: 'generate bounded CPU, memory, disk or process load',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      duration: { type: 'string', default: '30s' },
      cpu: { type: 'string' },
      duty: { type: 'string', default: '1' },
      memory: { type: 'string' },
      disk: { type: 'string' },
      processes: { type: 'string' },
    });
    const options = stressOptionsFrom(values);
    io.err(`stress: ${describe(options)} for ${options.durationMs / 1000}s`);
    const report = await runStress(options, io.signal);
    const state = report.aborted ? 'interrupted' : 'done';
    io.err(`stress: ${state} after ${report.endedAt - report.startedAt} ms`);
    return 0;
  },
};

interface StressFlags {
  readonly duration: string;
  readonly duty: string;
  readonly cpu?: string;
  readonly memory?: string;
  readonly disk?: string;
  readonly processes?: string;
}

export function stressOptionsFrom(flags: StressFlags): StressOptions {
  const cores = availableParallelism();
  const workers = flags.cpu === 'all' ? cores : flags.cpu;
  return {
    durationMs: parseDuration('duration', flags.duration),
    cpu:
      workers === undefined
        ? undefined
        : {
            workers: numberOption('cpu', String(workers), 1, 256),
            duty: numberOption('duty', flags.duty, 0.01, 1),
          },
    memoryMiB: optionalNumber('memory', flags.memory, 1, 1024 * 1024),
    diskMiBPerSecond: optionalNumber('disk', flags.disk, 1, 4096),
    processesPerSecond: optionalNumber('processes', flags.processes, 1, 1000),
  };
}

function optionalNumber(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  return text === undefined ? undefined : numberOption(name, text, min, max);
}

function describe(options: StressOptions): string {
  const parts: string[] = [];
  if (options.cpu) {
    parts.push(`${options.cpu.workers} cpu worker(s) at ${options.cpu.duty}`);
  }
  if (options.memoryMiB) parts.push(`${options.memoryMiB} MiB memory`);
  if (options.diskMiBPerSecond) {
    parts.push(`${options.diskMiBPerSecond} MiB/s disk`);
  }
  if (options.processesPerSecond) {
    parts.push(`${options.processesPerSecond} processes/s`);
  }
  return parts.join(', ');
}
