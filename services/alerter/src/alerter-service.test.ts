import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import {
  anomaliesSubject,
  connectNatsBus,
  createLogger,
  driftSubject,
  type NatsBus,
} from '@hostwatch/transport';
import {
  collectMessages,
  startNatsServer,
  type NatsServerHandle,
} from '@hostwatch/transport/testing';
import { Registry } from 'prom-client';
import type { Alert } from './alerts/alert.js';
import type { AlerterOptions } from './alerter-options.js';
import { buildAlerter } from './alerter-service.js';
import { anomalyEvent, driftEvent } from './test-support/events.js';
import { AckDroppingBus } from './test-support/ack-dropping-bus.js';
import { FakeChannel } from './test-support/fake-channel.js';

const SILENT = createLogger({ service: 'alerter-test', level: 'silent' });
const COOLDOWN_MS = 10_000;
let nats: NatsServerHandle;
let bus: NatsBus;
let dir = '';

before(async () => {
  nats = await startNatsServer();
  bus = await connectNatsBus({ url: nats.url, name: 'alerter-test' });
  dir = await mkdtemp(join(tmpdir(), 'alerter-nats-'));
});

after(async () => {
  await bus.drain();
  await nats.stop();
  await rm(dir, { recursive: true, force: true });
});

/** An alerter on its own durable and file, with a clock the test moves. */
function alerterFor(name: string, extra: Partial<AlerterOptions> = {}) {
  const clock = { now: 0 };
  const desktop = new FakeChannel('desktop');
  const bell = new FakeChannel('bell');
  const registry = new Registry();
  const alerter = buildAlerter({
    bus,
    registry,
    log: SILENT,
    alertsPath: join(dir, `${name}.jsonl`),
    durable: name,
    cooldownMs: COOLDOWN_MS,
    desktop,
    bell,
    now: () => clock.now,
    ...extra,
  });
  return { alerter, clock, desktop, bell, registry };
}

/**
 * The alerts of `host` in a journal. Every test's durable reads the whole
 * stream, other tests' hosts included, so each test keeps to its host.
 */
async function journal(path: string, host: string): Promise<Alert[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Alert)
    .filter((alert) => alert.host === host);
}

async function journalOf(
  path: string,
  host: string,
  count: number,
): Promise<Alert[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const alerts = await journal(path, host);
    if (alerts.length >= count) return alerts;
    if (Date.now() > deadline) {
      throw new Error(`${alerts.length} of ${count} alerts in ${path}`);
    }
    await sleep(50);
  }
}

async function metricValue(registry: Registry, name: string) {
  const metric = await registry.getSingleMetric(name)?.get();
  return metric?.values.reduce((sum, v) => sum + v.value, 0);
}

async function webhookDelivered(registry: Registry): Promise<number> {
  const metric = await registry.getSingleMetric('alerter_alerts_total')?.get();
  const webhook = metric?.values.filter((v) => v.labels.channel === 'webhook');
  return (webhook ?? []).reduce((sum, v) => sum + v.value, 0);
}

function redelivered(bus: AckDroppingBus, subject: string): boolean {
  return bus.deliveries.some(
    (d) => d.subject === subject && d.deliveryCount > 1,
  );
}

function seqsOf(channel: FakeChannel, host: string): number[] {
  return channel.sent.filter((a) => a.host === host).map((a) => a.seq);
}

test('alerts inside the cooldown are folded into the next one', async () => {
  const { alerter, clock, desktop, registry } = alerterFor('cooldown');
  await alerter.start();
  for (const seq of [1, 2, 3]) {
    await bus.publish(anomaliesSubject('cool-1'), anomalyEvent('cool-1', seq));
  }
  await journalOf(alerter.alertsPath, 'cool-1', 3);
  clock.now = COOLDOWN_MS;
  await bus.publish(anomaliesSubject('cool-1'), anomalyEvent('cool-1', 4));
  const alerts = await journalOf(alerter.alertsPath, 'cool-1', 4);
  await alerter.stop();
  assert.deepEqual(
    alerts.map((a) => [a.seq, a.status, a.folded]),
    [
      [1, 'sent', 0],
      [2, 'folded', 0],
      [3, 'folded', 0],
      [4, 'sent', 2],
    ],
  );
  assert.match(alerts[0].message, /cpu_temp 91 °C, z = 6\.2/);
  assert.deepEqual(seqsOf(desktop, 'cool-1'), [1, 4]);
  assert.equal(await metricValue(registry, 'alerter_folded_alerts_total'), 2);
});

test('a redelivered anomaly sends nothing twice', async () => {
  const dropping = new AckDroppingBus(bus);
  const { alerter, desktop, registry } = alerterFor('redelivery', {
    bus: dropping,
    ackWaitMs: 300,
  });
  await alerter.start();
  await bus.publish(anomaliesSubject('dup-1'), anomalyEvent('dup-1', 7));
  await journalOf(alerter.alertsPath, 'dup-1', 1);
  const deadline = Date.now() + 10_000;
  while (!redelivered(dropping, 'anomalies.dup-1') && Date.now() < deadline) {
    await sleep(50);
  }
  await sleep(100);
  await alerter.stop();
  assert.ok(redelivered(dropping, 'anomalies.dup-1'), 'no redelivery seen');
  assert.equal((await journal(alerter.alertsPath, 'dup-1')).length, 1);
  assert.deepEqual(seqsOf(desktop, 'dup-1'), [7]);
  const duplicates = await metricValue(registry, 'alerter_duplicates_total');
  assert.ok(duplicates! >= 1);
});

test('after a restart, events in alerts.jsonl are not alerted again', async () => {
  const first = alerterFor('restart', { cooldownMs: 0 });
  await first.alerter.start();
  const event = anomalyEvent('again-1', 7);
  await bus.publish(anomaliesSubject('again-1'), event);
  await journalOf(first.alerter.alertsPath, 'again-1', 1);
  await first.alerter.stop();
  const second = alerterFor('restart-2', {
    cooldownMs: 0,
    alertsPath: first.alerter.alertsPath,
  });
  await second.alerter.start();
  await bus.publish(anomaliesSubject('again-1'), anomalyEvent('again-1', 8));
  await journalOf(second.alerter.alertsPath, 'again-1', 2);
  await sleep(200);
  await second.alerter.stop();
  const alerts = await journal(second.alerter.alertsPath, 'again-1');
  assert.deepEqual(
    alerts.map((a) => a.seq),
    [7, 8],
  );
  assert.deepEqual(seqsOf(second.desktop, 'again-1'), [8]);
});

test('without a desktop the bell rings, and a failing desktop falls back', async () => {
  const failing = new FakeChannel('desktop', true);
  const { alerter, bell, registry } = alerterFor('fallback', {
    desktop: failing,
  });
  await alerter.start();
  await bus.publish(driftSubject('drift-1'), driftEvent('drift-1', 3));
  await journalOf(alerter.alertsPath, 'drift-1', 1);
  await sleep(200);
  await alerter.stop();
  assert.deepEqual(seqsOf(bell, 'drift-1'), [3]);
  assert.equal(bell.sent.find((a) => a.host === 'drift-1')?.kind, 'drift');
  const failures = await metricValue(
    registry,
    'alerter_channel_failures_total',
  );
  assert.equal(failures, bell.sent.length);
});

test('the webhook gets the alert as JSON after failed posts', async () => {
  const posts: Alert[] = [];
  let answered = 0;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const alert = JSON.parse(body) as Alert;
      if (alert.host === 'hook-1') posts.push(alert);
      const fail = alert.host === 'hook-1' && posts.length <= 2;
      response.statusCode = fail ? 500 : 200;
      if (!fail) answered++;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const { alerter, registry } = alerterFor('webhook', {
    webhook: { url: `http://127.0.0.1:${port}/`, attempts: 4, backoffMs: 20 },
  });
  await alerter.start();
  await bus.publish(anomaliesSubject('hook-1'), anomalyEvent('hook-1', 1));
  const deadline = Date.now() + 10_000;
  // Stopping before an answered post was counted would abort it; every
  // test's hosts come to this durable, so all answered posts are awaited.
  const settled = async () =>
    posts.length >= 3 && (await webhookDelivered(registry)) >= answered;
  while (!(await settled()) && Date.now() < deadline) await sleep(20);
  await alerter.stop();
  await new Promise((resolve) => server.close(resolve));
  assert.equal(posts.length, 3);
  assert.deepEqual(
    posts.map((alert) => alert.seq),
    [1, 1, 1],
  );
  assert.equal(
    await metricValue(registry, 'alerter_webhook_failures_total'),
    2,
  );
  const delivered = await registry
    .getSingleMetric('alerter_alerts_total')
    ?.get();
  const channels = new Set(delivered?.values.map((v) => v.labels.channel));
  assert.deepEqual([...channels].sort(), ['desktop', 'webhook']);
});

test('an invalid event is acked, counted and dead-lettered', async () => {
  const { alerter, registry } = alerterFor('invalid');
  await alerter.start();
  await bus.publish(anomaliesSubject('bad-1'), { v: 1, host: 'bad-1', seq: 1 });
  const letters = await collectMessages(bus, {
    subjects: ['deadletter.results'],
    count: 1,
  });
  await alerter.stop();
  assert.equal((letters[0]?.payload as { service: string }).service, 'alerter');
  assert.equal(await metricValue(registry, 'alerter_rejected_total'), 1);
  assert.deepEqual(await journal(alerter.alertsPath, 'bad-1'), []);
});
