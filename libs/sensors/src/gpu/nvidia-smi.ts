import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { SensorParseError } from '../errors.js';

const execFileAsync = promisify(execFile);

/** One GPU as nvidia-smi reports it; null where it says `[N/A]`. */
export interface GpuReading {
  readonly index: number;
  readonly name: string;
  /** Utilisation, percent. */
  readonly percent: number | null;
  /** Memory used, percent of the GPU's total. */
  readonly memoryPercent: number | null;
  /** Degrees Celsius. */
  readonly temperature: number | null;
}

/** The columns asked for, in the order `parseNvidiaSmi` reads them. */
export const NVIDIA_SMI_QUERY =
  'index,name,utilization.gpu,memory.used,memory.total,temperature.gpu';

export const NVIDIA_SMI_ARGS: readonly string[] = [
  `--query-gpu=${NVIDIA_SMI_QUERY}`,
  '--format=csv,noheader,nounits',
];

/** Parses `--format=csv,noheader,nounits` output: one line per GPU. */
export function parseNvidiaSmi(text: string): GpuReading[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(parseGpuLine);
}

function parseGpuLine(line: string): GpuReading {
  const cells = line.split(',').map((cell) => cell.trim());
  const index = Number(cells[0]);
  if (cells.length !== 6 || !Number.isInteger(index)) {
    throw new SensorParseError(
      'nvidia-smi',
      `line "${line}": expected 6 cells (${NVIDIA_SMI_QUERY})`,
    );
  }
  const used = numberOrNull(cells[3]);
  const total = numberOrNull(cells[4]);
  return {
    index,
    name: cells[1],
    percent: numberOrNull(cells[2]),
    memoryPercent:
      used !== null && total !== null && total > 0
        ? (used / total) * 100
        : null,
    temperature: numberOrNull(cells[5]),
  };
}

/** `[N/A]`, `[Not Supported]` and other non-numbers are null, never 0. */
function numberOrNull(cell: string): number | null {
  const value = Number(cell);
  return cell !== '' && Number.isFinite(value) ? value : null;
}

/** The GPU whose utilisation is highest (the first on a tie or no data). */
export function busiestGpu(gpus: readonly GpuReading[]): GpuReading | null {
  let busiest: GpuReading | null = null;
  for (const gpu of gpus) {
    if (busiest === null || (gpu.percent ?? -1) > (busiest.percent ?? -1)) {
      busiest = gpu;
    }
  }
  return busiest;
}

/**
 * Runs nvidia-smi once; rejects on a missing binary (`ENOENT`), a non-zero
 * exit ("No devices were found") or when it outlives `timeoutMs` (the child
 * is killed).
 */
export async function queryNvidiaSmi(
  command: string,
  timeoutMs: number,
): Promise<GpuReading[]> {
  const { stdout } = await execFileAsync(command, NVIDIA_SMI_ARGS, {
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  return parseNvidiaSmi(stdout);
}
