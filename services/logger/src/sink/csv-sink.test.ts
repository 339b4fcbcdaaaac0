import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { createLogger, DeliveryDedup } from '@hostwatch/transport';
import { Registry } from 'prom-client';
import { createLoggerMetrics } from '../metrics.js';
import { CsvFile } from '../storage/csv-file.js';
import { RunSummary } from '../summary/run-summary.js';
import { FakeMessage, scoreResult } from '../test-support/score-results.js';
import { CsvSink } from './csv-sink.js';

let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logger-sink-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sinkAt(path: string, written = new DeliveryDedup()) {
  const file = new CsvFile({ path, header: 'h\n', maxBytes: 1e9 });
  const registry = new Registry();
  const metrics = createLoggerMetrics(registry);
  const sink = new CsvSink({
    file,
    written,
    flushRows: 3,
    flushIntervalMs: 60_000,
    metrics,
    summary: new RunSummary(),
    log: createLogger({ service: 'test', level: 'silent' }),
  });
  return { sink, registry };
}

function deliver(sink: CsvSink, host: string, seq: number): FakeMessage {
  const result = scoreResult(host, seq);
  const message = new FakeMessage(`scores.${host}`, result);
  sink.accept(result, message);
  return message;
}

async function seqsIn(path: string): Promise<string[]> {
  const lines = (await readFile(path, 'utf8')).trim().split('\n').slice(1);
  return lines.map((line) => line.split(',').slice(1, 3).join(':'));
}

test('messages are acked only after their flush reaches the file', async () => {
  const path = join(dir, 'log.csv');
  const { sink } = sinkAt(path);
  const first = deliver(sink, 'a', 1);
  deliver(sink, 'a', 2);
  assert.equal(first.acks, 0);
  deliver(sink, 'a', 3);
  await sink.flush();
  assert.equal(first.acks, 1);
  assert.deepEqual(await seqsIn(path), ['a:1', 'a:2', 'a:3']);
});

test('redeliveries are acked without a second row', async () => {
  const path = join(dir, 'log.csv');
  const written = new DeliveryDedup();
  written.add('a', 2);
  const { sink, registry } = sinkAt(path, written);
  const old = deliver(sink, 'a', 2);
  assert.equal(old.acks, 1);
  const buffered = deliver(sink, 'a', 3);
  const again = deliver(sink, 'a', 3);
  await sink.close();
  assert.deepEqual([buffered.acks, again.acks], [1, 1]);
  assert.deepEqual(await seqsIn(path), ['a:3']);
  const hits = await registry.getSingleMetric('logger_dedup_hits_total')?.get();
  assert.equal(hits?.values[0]?.value, 2);
});

test('a failed write keeps the rows unacked and retries them', async () => {
  const blocker = join(dir, 'sub');
  await writeFile(blocker, 'a file where the directory should be');
  const path = join(blocker, 'log.csv');
  const { sink } = sinkAt(path);
  const messages = [1, 2, 3, 4].map((seq) => deliver(sink, 'a', seq));
  await sink.flush();
  assert.deepEqual(
    messages.map((m) => m.acks),
    [0, 0, 0, 0],
  );
  await rm(blocker);
  assert.equal(await sink.close(), true);
  assert.deepEqual(
    messages.map((m) => m.acks),
    [1, 1, 1, 1],
  );
  assert.deepEqual(await seqsIn(path), ['a:1', 'a:2', 'a:3', 'a:4']);
});

test('a redelivery older than rows already written still gets its row', async () => {
  const path = join(dir, 'log.csv');
  const { sink } = sinkAt(path);
  for (const seq of [1, 2, 5, 6]) deliver(sink, 'a', seq);
  await sink.flush();
  const late = [3, 4].map((seq) => deliver(sink, 'a', seq));
  await sink.close();
  assert.deepEqual(
    late.map((m) => m.acks),
    [1, 1],
  );
  assert.deepEqual(await seqsIn(path), [
    'a:1',
    'a:2',
    'a:5',
    'a:6',
    'a:3',
    'a:4',
  ]);
});
