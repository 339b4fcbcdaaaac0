import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { anomalyAlert, driftAlert } from '../alerts/build-alert.js';
import { anomalyEvent, driftEvent } from '../test-support/events.js';
import { AlertJournal } from './alert-journal.js';
import { readAlerted } from './alerted-events.js';

const SENT = { status: 'sent', folded: 0, at: 0 } as const;
let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'alerter-journal-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('alerts are appended as JSON lines and read back per host and kind', async () => {
  const journal = new AlertJournal(join(dir, 'sub', 'alerts.jsonl'));
  await journal.append(anomalyAlert(anomalyEvent('a', 3), SENT));
  await journal.append(anomalyAlert(anomalyEvent('a', 5), SENT));
  await journal.append(driftAlert(driftEvent('a', 4), SENT));
  const lines = (await readFile(journal.path, 'utf8')).trim().split('\n');
  assert.equal(lines.length, 3);
  const alerted = await readAlerted(journal.path);
  assert.deepEqual(
    [2, 3, 4, 5, 6].map((seq) => alerted.has('anomaly:a', seq)),
    [true, true, false, true, false],
  );
  assert.equal(alerted.has('drift:a', 4), true);
  assert.equal(alerted.has('drift:a', 5), false);
});

test('a torn last line is closed off and skipped when read back', async () => {
  const path = join(dir, 'alerts.jsonl');
  const journal = new AlertJournal(path);
  await journal.append(anomalyAlert(anomalyEvent('a', 3), SENT));
  await appendFile(path, '{"kind":"anomaly","host":"a","se');
  await journal.append(anomalyAlert(anomalyEvent('a', 4), SENT));
  const lines = (await readFile(path, 'utf8')).trim().split('\n');
  assert.equal(lines.length, 3);
  assert.equal((JSON.parse(lines[2] ?? '') as { seq: number }).seq, 4);
  const alerted = await readAlerted(path);
  assert.deepEqual(
    [3, 4, 5].map((seq) => alerted.has('anomaly:a', seq)),
    [true, true, false],
  );
});

test('an unwritable path fails the append and works once fixed', async () => {
  const blocker = join(dir, 'sub');
  await writeFile(blocker, 'a file where the directory should be');
  const journal = new AlertJournal(join(blocker, 'alerts.jsonl'));
  const alert = anomalyAlert(anomalyEvent('a', 1), SENT);
  await assert.rejects(journal.append(alert), { code: 'EEXIST' });
  await rm(blocker);
  await journal.append(alert);
  assert.equal((await readAlerted(journal.path)).has('anomaly:a', 1), true);
});
