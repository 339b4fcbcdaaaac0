import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anomalyEvent, driftEvent } from '../test-support/events.js';
import { anomalyAlert, driftAlert } from './build-alert.js';

const SENT = { status: 'sent', folded: 0, at: 0 } as const;

test('an anomaly alert names host, time, score, votes and top-3 features', () => {
  const alert = anomalyAlert(anomalyEvent('web-1', 7), SENT);
  assert.equal(alert.title, 'Anomaly on web-1');
  assert.match(alert.message, /web-1 at 2026-12-03T12:00:07\.000Z/);
  assert.match(alert.message, /ensemble score 0\.873, 5\/7 detectors/);
  assert.match(
    alert.message,
    /cpu_temp 91 °C, z = 6\.2; gpu_temp 84 °C, z = 4\.1; cpu_percent 99\.5 %, z = 3\.0\./,
  );
  assert.doesNotMatch(alert.message, /cpu_freq/);
  assert.deepEqual(
    [alert.kind, alert.host, alert.seq],
    ['anomaly', 'web-1', 7],
  );
});

test('a drift alert says the distribution shifted and suggests retraining', () => {
  const alert = driftAlert(driftEvent('web-1', 9), SENT);
  assert.equal(alert.title, 'Model drift on web-1');
  assert.match(alert.message, /shifted up \(Page-Hinkley 12\.35 > 10\)/);
  assert.match(alert.message, /retrain/);
});

test('a sent alert carries the count folded into it', () => {
  const decision = { status: 'sent', folded: 3, at: 0 } as const;
  const alert = anomalyAlert(anomalyEvent('web-1', 7), decision);
  assert.equal(alert.folded, 3);
  assert.match(alert.message, /3 more folded in during the cooldown/);
});
