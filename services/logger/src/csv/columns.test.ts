import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreResult } from '../test-support/score-results.js';
import { CSV_COLUMNS, csvCells } from './columns.js';

function rowOf(cells: string[]): Map<string, string> {
  return new Map(CSV_COLUMNS.map((name, i) => [name, cells[i] ?? '?']));
}

test('the header has fixed identity, feature and detector columns', () => {
  assert.deepEqual(CSV_COLUMNS.slice(0, 6), [
    'timestamp',
    'host',
    'seq',
    'status',
    'model_version',
    'cpu_percent',
  ]);
  assert.equal(CSV_COLUMNS.length, 5 + 7 + 7 * 3 + 10);
  assert.equal(CSV_COLUMNS.at(-1), 'label');
});

test('a scored row has one cell per column with the verdicts', () => {
  const cells = csvCells(scoreResult('web-1', 7, true));
  assert.equal(cells.length, CSV_COLUMNS.length);
  const row = rowOf(cells);
  assert.equal(row.get('timestamp'), '2026-12-03T12:00:07.000Z');
  assert.equal(row.get('seq'), '7');
  assert.equal(row.get('gpu_temp'), '');
  assert.equal(row.get('xgboost_pred'), '1');
  assert.equal(row.get('xgboost_time_us'), '60');
  assert.equal(row.get('ensemble_votes'), '0');
  assert.equal(row.get('top_features'), 'cpu_temp=55 (z=1.25)');
  assert.equal(row.get('label'), '');
});

test('a warm-up row leaves the scores empty', () => {
  const warm = {
    ...scoreResult('web-1', 1),
    status: 'warming_up' as const,
    model_version: null,
    detectors: {},
    ensemble: { score: null, flag: null, time_us: 0, votes: 0, members: 0 },
  };
  const row = rowOf(csvCells(warm));
  assert.equal(row.get('model_version'), '');
  assert.equal(row.get('isolation_forest_score'), '');
  assert.equal(row.get('ensemble_pred'), '');
  assert.equal(row.get('status'), 'warming_up');
});
