import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  InProcessBus,
  parseMetricSample,
  type MetricSample,
} from '@hostwatch/transport';
import { collectMessages } from '@hostwatch/transport/testing';
import { FEATURE_ORDER } from '@hostwatch/detectors';

import { buildCollector } from './collector.js';
import { InvalidCollectorOptionError } from './errors.js';
import { FakeSource } from './test-support/fake-source.js';

describe('buildCollector over the in-process bus', () => {
  it('publishes one valid sample per interval with increasing seq and jitter', async () => {
    const bus = new InProcessBus();
    const source = new FakeSource();
    const collector = buildCollector({
      bus,
      host: 'h1',
      intervalMs: 20,
      source,
    });
    await collector.start();
    const messages = await collectMessages(bus, {
      subjects: ['metrics.h1'],
      count: 5,
      timeoutMs: 5_000,
    });
    await collector.stop();
    await bus.drain();

    const samples = messages.map((m) =>
      parseMetricSample(m.payload, { requiredFeatures: FEATURE_ORDER }),
    );
    assert.deepEqual(
      samples.map((s) => s.features.cpu_percent),
      [1, 2, 3, 4, 5],
    );
    assertStrictlyIncreasing(samples);
    const [first] = samples;
    assert.equal(first.host, 'h1');
    assert.equal(first.features.gpu_percent, null);
    assert.equal(typeof first.jitter_ms, 'number');
    assert.deepEqual(first.sensor_age_ms, { processes: 10 });
    assert.equal(first.top_processes?.by_cpu[0].name, 'init');
  });

  it('exposes its metrics and health on the registry', async () => {
    const bus = new InProcessBus();
    const collector = buildCollector({
      bus,
      host: 'h1',
      intervalMs: 20,
      source: new FakeSource(),
    });
    await collector.start();
    await collectMessages(bus, { subjects: ['metrics.h1'], count: 2 });
    assert.equal(collector.health().status, 'ok');
    await collector.stop();
    await bus.drain();
    const text = await collector.registry.metrics();
    for (const name of [
      'collector_samples_total',
      'collector_samples_published_total',
      'collector_publish_errors_total',
      'collector_buffer_depth_samples',
      'collector_sampling_jitter_seconds',
      'collector_sensor_read_seconds',
    ]) {
      assert.match(text, new RegExp(`^# HELP ${name} `, 'm'));
    }
    assert.match(text, /^collector_sensor_absent\{sensor="gpu"\} 1$/m);
    assert.equal(collector.health().status, 'degraded', 'bus drained');
  });

  it('refuses a host name that is not a subject token', () => {
    assert.throws(
      () => buildCollector({ bus: new InProcessBus(), host: 'a.b' }),
      InvalidCollectorOptionError,
    );
  });
});

function assertStrictlyIncreasing(samples: readonly MetricSample[]): void {
  for (let i = 1; i < samples.length; i++) {
    assert.equal(samples[i].seq, samples[i - 1].seq + 1);
    assert.ok(samples[i].timestamp >= samples[i - 1].timestamp);
  }
}
