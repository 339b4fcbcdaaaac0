import { writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { LoggerSummary } from './run-summary.js';

/** `data/performance_log.csv` → `data/performance_log.summary.json`. */
export function summaryPathOf(csvPath: string): string {
  const stem = basename(csvPath, extname(csvPath));
  return join(dirname(csvPath), `${stem}.summary.json`);
}

/** Writes the run's summary beside the CSV, replacing the last run's. */
export async function writeSummary(
  csvPath: string,
  summary: LoggerSummary,
): Promise<string> {
  const path = summaryPathOf(csvPath);
  const text = JSON.stringify({ written_at: new Date(), ...summary }, null, 2);
  await writeFile(path, `${text}\n`);
  return path;
}
