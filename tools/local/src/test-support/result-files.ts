import { readFile } from 'node:fs/promises';

/** One line of alerts.jsonl, the fields the tests read. */
export interface AlertLine {
  readonly kind: string;
  readonly alerted_at: string;
  readonly event: {
    readonly timestamp: number;
    readonly explanation?: readonly { readonly feature: string }[];
  };
}

/** One row of performance_log.csv, the columns the tests read. */
export interface CsvRow {
  readonly timestamp: number;
  readonly seq: number;
  readonly status: string;
  readonly cpuPercent: number;
  readonly flagged: boolean;
}

export async function readAlerts(path: string): Promise<AlertLine[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AlertLine);
}

/** The rows of the CSV (its cells hold no commas but the last one). */
export async function readCsvRows(path: string): Promise<CsvRow[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  const [header, ...lines] = text.split('\n').filter((l) => l !== '');
  if (header === undefined) return [];
  const names = header.split(',');
  const at = (name: string) => names.indexOf(name);
  return lines.map((line) => {
    const cells = line.split(',');
    return {
      timestamp: Date.parse(cells[at('timestamp')]),
      seq: Number(cells[at('seq')]),
      status: cells[at('status')],
      cpuPercent: Number(cells[at('cpu_percent')]),
      flagged: cells[at('ensemble_pred')] === '1',
    };
  });
}
