import { PUBLISHED_SUBSET_SCORES } from '../published-subset.js';
import type { CorpusScores } from '../runner/run-corpus.js';

interface TableRow {
  readonly name: string;
  readonly scores: readonly number[];
  readonly ours: boolean;
}

/**
 * Our detectors beside the published ones, best standard score first;
 * ours are marked with `*`.
 */
export function reportTable(scores: CorpusScores): string {
  const rows: TableRow[] = [...scores].map(([name, profiles]) => ({
    name,
    scores: profiles.map((p) => p.normalised),
    ours: true,
  }));
  for (const [name, published] of PUBLISHED_SUBSET_SCORES) {
    rows.push({ name, scores: published, ours: false });
  }
  rows.sort((a, b) => b.scores[0] - a.scores[0]);
  const header = ['  detector'.padEnd(24), 'standard', '  low FP', '  low FN'];
  return [header.join(' '), ...rows.map(formatRow)].join('\n');
}

function formatRow(row: TableRow): string {
  const mark = row.ours ? '* ' : '  ';
  const cells = row.scores.map((s) => s.toFixed(2).padStart(8));
  return [`${mark}${row.name}`.padEnd(24), ...cells].join(' ');
}
