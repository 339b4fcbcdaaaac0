import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import {
  connectNatsBus,
  createLogger,
  InProcessBus,
  scoresSubject,
  type Bus,
  type NatsBus,
} from '@hostwatch/transport';
import {
  collectMessages,
  startNatsServer,
  type NatsServerHandle,
} from '@hostwatch/transport/testing';
import { Registry } from 'prom-client';
import { buildLogger } from './logger-service.js';
import {
  eventually,
  expectedKeys,
  loggedKeys,
} from './test-support/csv-rows.js';
import { scoreResult } from './test-support/score-results.js';

const SILENT = createLogger({ service: 'logger-test', level: 'silent' });
let nats: NatsServerHandle;
let bus: NatsBus;

before(async () => {
  nats = await startNatsServer();
  bus = await connectNatsBus({ url: nats.url, name: 'logger-test' });
});

after(async () => {
  await bus.drain();
  await nats.stop();
});

async function publishScores(
  target: Bus,
  hosts: readonly string[],
  count: number,
): Promise<void> {
  for (let seq = 1; seq <= count; seq++) {
    for (const host of hosts) {
      await target.publish(scoresSubject(host), scoreResult(host, seq));
    }
  }
}

async function metricValue(registry: Registry, name: string) {
  const metric = await registry.getSingleMetric(name)?.get();
  return metric?.values.reduce((sum, v) => sum + v.value, 0);
}

test('every replayed sample appears once, duplicates and bad input aside', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'logger-nats-'));
  const registry = new Registry();
  const logger = buildLogger({
    bus,
    registry,
    log: SILENT,
    csvPath: join(dir, 'performance_log.csv'),
    durable: 'logger-replay',
    flushIntervalMs: 50,
  });
  await logger.start();
  await publishScores(bus, ['web-1', 'db-1'], 100);
  await publishScores(bus, ['web-1'], 5);
  await bus.publish(scoresSubject('web-1'), { v: 1, host: 'web-1' });
  const expected = expectedKeys(['web-1', 'db-1'], 100).sort();
  await eventually(
    async () => (await loggedKeys(dir)).length >= expected.length,
    20_000,
    'all rows logged',
  );
  const letters = await collectMessages(bus, {
    subjects: ['deadletter.results'],
    count: 1,
  });
  const summary = await logger.stop();
  assert.deepEqual((await loggedKeys(dir)).sort(), expected);
  assert.equal(await metricValue(registry, 'logger_dedup_hits_total'), 5);
  assert.equal(await metricValue(registry, 'logger_rows_written_total'), 200);
  assert.equal(await metricValue(registry, 'logger_rejected_total'), 1);
  assert.deepEqual(
    letters.map((l) => (l.payload as { reason: string }).reason),
    ['missing_field'],
  );
  assert.equal(summary.rows, 200);
  assert.deepEqual(summary.hosts, ['db-1', 'web-1']);
  const file = join(dir, 'performance_log.summary.json');
  const written = JSON.parse(await readFile(file, 'utf8')) as { rows: number };
  assert.equal(written.rows, 200);
  await rm(dir, { recursive: true, force: true });
});

test('the same builder logs over the in-process bus', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'logger-local-'));
  const local = new InProcessBus();
  const logger = buildLogger({
    bus: local,
    registry: new Registry(),
    log: SILENT,
    csvPath: join(dir, 'performance_log.csv'),
    flushRows: 4,
  });
  await logger.start();
  await publishScores(local, ['laptop'], 10);
  await eventually(
    async () => (await loggedKeys(dir)).length >= 8,
    5_000,
    'two batches of four',
  );
  await logger.stop();
  await local.drain();
  assert.deepEqual(await loggedKeys(dir), expectedKeys(['laptop'], 10));
  await rm(dir, { recursive: true, force: true });
});

test('an unwritable CSV path holds the rows until it is writable', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'logger-blocked-'));
  const blocker = join(dir, 'sub');
  await writeFile(blocker, 'a file where the directory should be');
  const local = new InProcessBus();
  const registry = new Registry();
  const logger = buildLogger({
    bus: local,
    registry,
    log: SILENT,
    csvPath: join(blocker, 'performance_log.csv'),
    flushIntervalMs: 20,
  });
  await logger.start();
  await publishScores(local, ['disk-1'], 30);
  await sleep(200);
  assert.ok((await metricValue(registry, 'logger_flush_failures_total'))! > 1);
  assert.equal(await metricValue(registry, 'logger_rows_written_total'), 0);
  assert.equal(logger.writable, false);
  await rm(blocker);
  await eventually(
    async () => (await loggedKeys(blocker)).length >= 30,
    5_000,
    'rows written once the path is writable',
  );
  assert.equal(logger.writable, true);
  await logger.stop();
  await local.drain();
  assert.deepEqual(await loggedKeys(blocker), expectedKeys(['disk-1'], 30));
  await rm(dir, { recursive: true, force: true });
});
