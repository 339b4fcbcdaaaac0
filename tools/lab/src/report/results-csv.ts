import type { DetectorQuality } from './evaluate.js';

export const RESULTS_HEADER = [
  'detector',
  'f1',
  'roc_auc',
  'precision',
  'recall',
  'latency_ms',
] as const;

/** `comparison_results.csv`: the seed's header, one row per detector. */
export function formatResultsCsv(rows: readonly DetectorQuality[]): string {
  const lines = rows.map((row) =>
    RESULTS_HEADER.map((column) =>
      column === 'detector' ? row.detector : formatNumber(row[column]),
    ).join(','),
  );
  return `${[RESULTS_HEADER.join(','), ...lines].join('\n')}\n`;
}

/** The same table for a terminal, best F1 first. */
export function formatResultsTable(rows: readonly DetectorQuality[]): string {
  const sorted = [...rows].sort((a, b) => b.f1 - a.f1);
  const header = ['detector', 'F1', 'ROC-AUC', 'precision', 'recall', 'ms'];
  const body = sorted.map((r) => [
    r.detector,
    r.f1.toFixed(3),
    r.roc_auc.toFixed(3),
    r.precision.toFixed(3),
    r.recall.toFixed(3),
    r.latency_ms.toPrecision(3),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((cells) => cells[i].length)),
  );
  return [header, ...body]
    .map((cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  '))
    .join('\n');
}

function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : '';
}
