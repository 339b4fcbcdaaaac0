import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { FEATURE_ORDER, parseDatasetCsv } from '@hostwatch/detectors';
import {
  connectNatsBus,
  parseMetricSample,
  type MetricSample,
  type NatsBus,
} from '@hostwatch/transport';
import {
  collectMessages,
  startNatsServer,
  waitFor,
  type NatsServerHandle,
} from '@hostwatch/transport/testing';

import { buildCollector } from './collector.js';
import type { CollectorMetrics } from './metrics.js';
import { buildReplay } from './replay/replay.js';

const FIXTURE = fileURLToPath(
  new URL('../../../../shared/fixtures/labeled_test.csv', import.meta.url),
);

let server: NatsServerHandle;
let bus: NatsBus;

before(async () => {
  server = await startNatsServer();
  bus = await connectNatsBus({ url: server.url, name: 'collector-test' });
});

after(async () => {
  await bus.drain();
  await server.stop();
});

/** Every stored sample of `host`, checking that there are exactly `count`. */
async function stored(host: string, count: number): Promise<MetricSample[]> {
  const subjects = [`metrics.${host}`];
  const messages = await collectMessages(bus, { subjects, count });
  await assert.rejects(
    collectMessages(bus, { subjects, count: count + 1, timeoutMs: 1_000 }),
    /timed out/,
    `more than ${count} samples stored for ${host}`,
  );
  return messages.map((m) =>
    parseMetricSample(m.payload, { requiredFeatures: FEATURE_ORDER }),
  );
}

function assertConsecutive(samples: readonly MetricSample[]): void {
  samples.forEach((sample, i) => {
    if (i > 0) assert.equal(sample.seq, samples[i - 1].seq + 1, `at ${i}`);
  });
}

async function samplesTaken(metrics: CollectorMetrics): Promise<number> {
  return (await metrics.samples.get()).values[0].value;
}

describe('collector over a real nats-server', () => {
  it('publishes host samples with the seed features, extras and ages', async () => {
    const collector = buildCollector({
      bus,
      host: 'live',
      intervalMs: 100,
      topN: 3,
    });
    await collector.start();
    await waitFor(() => collector.bufferDepth === 0, 5_000);
    await sleep(450);
    await collector.stop();
    const samples = await stored('live', await samplesTaken(collector.metrics));

    assertConsecutive(samples);
    const last = samples.at(-1)!;
    assert.deepEqual(Object.keys(last.features).slice(0, 7), FEATURE_ORDER);
    for (const name of ['cpu_core_0_percent', 'load_1', 'process_count']) {
      assert.equal(typeof last.features[name], 'number', name);
    }
    assert.equal(typeof last.sensor_age_ms?.processes, 'number');
    assert.equal(last.top_processes?.by_cpu.length, 3);
  });

  it('replays labeled_test.csv: every row once, in order', async () => {
    const dataset = parseDatasetCsv(readFileSync(FIXTURE, 'utf8'));
    const replay = buildReplay({
      bus,
      file: FIXTURE,
      host: 'fixture',
      speed: 'max',
    });
    const result = await replay.run();
    assert.equal(result.published, dataset.rows);
    const samples = await stored('fixture', dataset.rows);

    assertConsecutive(samples);
    const width = dataset.features.length;
    samples.forEach((sample, row) => {
      assert.equal(sample.features.cpu_percent, dataset.values[row * width]);
      assert.equal(sample.label, dataset.labels![row]);
    });
  });

  it('loses and duplicates nothing while NATS is down for 3 s', async () => {
    const collector = buildCollector({
      bus,
      host: 'outage',
      intervalMs: 50,
      topN: 0,
      retryDelayMs: 100,
    });
    await collector.start();
    await sleep(500);
    await server.kill();
    await sleep(3_000);
    assert.ok(collector.bufferDepth > 20, `buffered ${collector.bufferDepth}`);
    await server.restart();
    await waitFor(() => bus.connected && collector.bufferDepth === 0, 15_000);
    await sleep(300);
    await collector.stop();
    const samples = await stored(
      'outage',
      await samplesTaken(collector.metrics),
    );

    assertConsecutive(samples);
    assert.ok(samples.length > 70, `${samples.length} samples`);
  });
});
