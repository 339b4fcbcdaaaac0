import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreResult } from '../test-support/score-results.js';
import { RunSummary } from './run-summary.js';

test('the summary counts rows, hosts, anomaly rates and drift alarms', () => {
  const summary = new RunSummary();
  summary.add(scoreResult('b', 1, true));
  summary.add(scoreResult('a', 1));
  summary.add(scoreResult('a', 2));
  summary.add({ ...scoreResult('a', 3), drift: { statistic: 9, flag: true } });
  const report = summary.summary();
  assert.equal(report.rows, 4);
  assert.deepEqual(report.hosts, ['a', 'b']);
  assert.equal(report.drift_alarms, 1);
  assert.equal(report.detectors.ensemble?.anomaly_rate, 0.25);
  assert.deepEqual(report.detectors.xgboost?.time_us, {
    mean: 60,
    p50: 60,
    p99: 60,
  });
});

test('warm-up verdicts do not count as scored', () => {
  const summary = new RunSummary();
  summary.add({
    ...scoreResult('a', 1),
    detectors: {},
    ensemble: { score: null, flag: null, time_us: 0, votes: 0, members: 0 },
  });
  const report = summary.summary();
  assert.equal(report.rows, 1);
  assert.equal(report.detectors.ensemble?.scored, 0);
  assert.equal(report.detectors.ensemble?.anomaly_rate, null);
});
