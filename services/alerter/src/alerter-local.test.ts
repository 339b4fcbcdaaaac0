import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import {
  anomaliesSubject,
  createLogger,
  InProcessBus,
} from '@hostwatch/transport';
import { Registry } from 'prom-client';
import { buildAlerter } from './alerter-service.js';
import { anomalyEvent } from './test-support/events.js';
import { FakeChannel } from './test-support/fake-channel.js';

test('an unwritable alerts path holds the alert until it is writable', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'alerter-local-'));
  const blocker = join(dir, 'sub');
  await writeFile(blocker, 'a file where the directory should be');
  const bus = new InProcessBus();
  const desktop = new FakeChannel('desktop');
  const registry = new Registry();
  const alerter = buildAlerter({
    bus,
    registry,
    log: createLogger({ service: 'alerter-test', level: 'silent' }),
    alertsPath: join(blocker, 'alerts.jsonl'),
    desktop,
    journalRetryMs: 20,
  });
  await alerter.start();
  await bus.publish(anomaliesSubject('disk-1'), anomalyEvent('disk-1', 1));
  await sleep(200);
  assert.equal(desktop.sent.length, 0);
  assert.equal(alerter.writable, false);
  const failures = await registry
    .getSingleMetric('alerter_journal_failures_total')
    ?.get();
  assert.ok((failures?.values[0]?.value ?? 0) >= 2);
  await rm(blocker);
  while (desktop.sent.length === 0) await sleep(20);
  assert.equal(alerter.writable, true);
  await alerter.stop();
  await bus.drain();
  const lines = (await readFile(alerter.alertsPath, 'utf8')).trim().split('\n');
  assert.equal(lines.length, 1);
  assert.deepEqual(
    desktop.sent.map((a) => a.seq),
    [1],
  );
  await rm(dir, { recursive: true, force: true });
});
