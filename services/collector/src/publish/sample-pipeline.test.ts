import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createLogger, type MetricSample } from '@hostwatch/transport';
import { collectMessages, waitFor } from '@hostwatch/transport/testing';
import { Registry } from 'prom-client';

import { createCollectorMetrics } from '../metrics.js';
import { FlakyBus } from '../test-support/flaky-bus.js';
import { SamplePipeline } from './sample-pipeline.js';

function sample(seq: number): MetricSample {
  return { v: 1, host: 'h1', seq, timestamp: seq, features: {}, jitter_ms: 0 };
}

function pipeline(bus: FlakyBus, bufferSize = 100) {
  const metrics = createCollectorMetrics(new Registry());
  const log = createLogger({ service: 'test', level: 'silent' });
  const p = new SamplePipeline({
    bus,
    bufferSize,
    retryDelayMs: 5,
    metrics,
    log,
  });
  p.start();
  return { p, metrics };
}

async function storedSeqs(bus: FlakyBus, count: number): Promise<number[]> {
  const messages = await collectMessages(bus.inner, {
    subjects: ['metrics.>'],
    count,
    timeoutMs: 2_000,
  });
  return messages.map((m) => (m.payload as MetricSample).seq);
}

describe('SamplePipeline', () => {
  it('sends what was buffered offline in order, each sample once', async () => {
    const bus = new FlakyBus();
    const { p, metrics } = pipeline(bus);
    p.push(sample(1));
    await p.idle();
    bus.setOnline(false);
    for (let seq = 2; seq <= 6; seq++) p.push(sample(seq));
    await waitFor(() => bus.attempts.length >= 4, 2_000, 'retries');
    assert.equal(p.depth, 5);
    bus.setOnline(true);
    await p.idle();
    await p.stop();
    assert.deepEqual(await storedSeqs(bus, 6), [1, 2, 3, 4, 5, 6]);
    assert.ok((await metrics.publishErrors.get()).values[0].value >= 3);
  });

  it('retries a publish whose ack was lost with the same id, stored once', async () => {
    const bus = new FlakyBus();
    bus.lostAcks = 2;
    const { p } = pipeline(bus);
    p.push(sample(1));
    p.push(sample(2));
    await p.idle();
    await p.stop();
    assert.deepEqual(bus.attempts, ['h1:1', 'h1:1', 'h1:1', 'h1:2']);
    assert.deepEqual(await storedSeqs(bus, 2), [1, 2]);
  });

  it('counts the oldest samples dropped when the buffer overflows', async () => {
    const bus = new FlakyBus();
    bus.setOnline(false);
    const { p, metrics } = pipeline(bus, 3);
    for (let seq = 1; seq <= 5; seq++) p.push(sample(seq));
    bus.setOnline(true);
    await p.idle();
    await p.stop();
    assert.equal((await metrics.bufferDropped.get()).values[0].value, 2);
    assert.deepEqual(await storedSeqs(bus, 3), [3, 4, 5]);
  });
});
