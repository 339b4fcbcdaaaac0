import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  InProcessBus,
  MemoryModelStore,
  buildMetricsServer,
  metricsSubject,
} from '@hostwatch/transport';
import { collectMessages } from '@hostwatch/transport/testing';
import { Registry } from 'prom-client';
import { FLEET_MODEL_NAME } from './models/model-catalog.js';
import { buildScorer } from './scorer.js';
import { captureLog } from './test-support/log-capture.js';
import { readFixture, replaySamples } from './test-support/fixtures.js';
import { fixtureModel } from './test-support/models.js';

async function inProcessScorer() {
  const bus = new InProcessBus();
  const models = new MemoryModelStore();
  await models.put(
    FLEET_MODEL_NAME,
    fixtureModel(['isolation_forest']).toJSON(),
  );
  const registry = new Registry();
  const scorer = buildScorer({ bus, models, registry, log: captureLog().log });
  const server = buildMetricsServer({
    registry,
    ready: () => scorer.ready,
  });
  return { bus, scorer, server };
}

describe('buildScorer on the in-process bus', () => {
  it('is ready once models are loaded and consumers run', async () => {
    const { bus, scorer, server } = await inProcessScorer();
    assert.equal((await server.app.inject('/readyz')).statusCode, 503);
    await scorer.start();
    assert.equal((await server.app.inject('/readyz')).statusCode, 200);
    await scorer.stop();
    await bus.drain();
  });

  it('exports score, anomaly, drift, timing, latency and rejection metrics', async () => {
    const { bus, scorer, server } = await inProcessScorer();
    await scorer.start();
    const [sample] = replaySamples(readFixture('labeled_test'), {
      host: 'm-1',
      rows: 1,
    });
    await bus.publish(metricsSubject('m-1'), sample);
    await bus.publish(metricsSubject('m-1'), { v: 1, host: 'm-1' });
    await collectMessages(bus, { subjects: ['scores.m-1'], count: 1 });
    await collectMessages(bus, { subjects: ['deadletter.metrics'], count: 1 });

    const text = (await server.app.inject('/metrics')).body;
    for (const line of [
      'scorer_detector_score{host="m-1",detector="isolation_forest"}',
      'scorer_detector_score{host="m-1",detector="ensemble"}',
      'scorer_drift_flag{host="m-1"} 0',
      'scorer_detector_scoring_seconds_count{detector="isolation_forest"} 1',
      'scorer_sample_latency_seconds_count 1',
      'scorer_samples_total{status="scored"} 1',
      'scorer_samples_rejected_total{reason="missing_field"} 1',
      'scorer_model_loads_total{result="loaded"} 1',
    ]) {
      assert.ok(text.includes(line), `missing ${line}`);
    }
    assert.match(text, /# HELP scorer_anomalies_total /);
    await scorer.stop();
    await bus.drain();
  });
});
