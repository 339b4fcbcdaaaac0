import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScoreResult } from '@hostwatch/transport';
import { Registry } from 'prom-client';
import { fixtureModel } from '../test-support/models.js';
import { HostDetailRecorder } from './host-detail-recorder.js';
import { ScorerMetrics } from './scorer-metrics.js';

function result(overrides: Partial<ScoreResult> = {}): ScoreResult {
  return {
    v: 1,
    host: 'web-01',
    seq: 1,
    timestamp: 1_700_000_000_000,
    scored_at: 1_700_000_000_250,
    status: 'scored',
    model_version: 'm1',
    features: { cpu_percent: 50, cpu_core_0_percent: 40, gpu_temp: null },
    imputed: ['gpu_temp'],
    jitter_ms: 0,
    detectors: {},
    ensemble: { score: 0.9, flag: true, time_us: 1, votes: 2, members: 2 },
    explanation: [
      { feature: 'cpu_percent', value: 50, z: 4 },
      { feature: 'cpu_core_0_percent', value: 40, z: 3 },
      { feature: 'cpu_freq', value: 900, z: -2 },
    ],
    drift: { statistic: 0, flag: false },
    latency_ms: 250,
    ...overrides,
  };
}

async function series(registry: Registry, name: string) {
  const metric = registry.getSingleMetric(name);
  assert.ok(metric !== undefined, name);
  return (await metric.get()).values.map((v) => ({
    labels: v.labels,
    value: v.value,
  }));
}

function recorder(): { registry: Registry; details: HostDetailRecorder } {
  const registry = new Registry();
  return {
    registry,
    details: new HostDetailRecorder(new ScorerMetrics(registry)),
  };
}

describe('HostDetailRecorder', () => {
  it('exports the features a sample has, never a null one', async () => {
    const { registry, details } = recorder();
    details.record(result());
    assert.deepEqual(await series(registry, 'scorer_feature_value'), [
      { labels: { host: 'web-01', feature: 'cpu_percent' }, value: 50 },
      { labels: { host: 'web-01', feature: 'cpu_core_0_percent' }, value: 40 },
    ]);
    assert.deepEqual(
      await series(registry, 'scorer_host_last_result_timestamp_seconds'),
      [{ labels: { host: 'web-01' }, value: 1_700_000_000.25 }],
    );
  });

  it('exports the newest non-null value of each feature since the last scrape', async () => {
    const { registry, details } = recorder();
    details.record(result({ features: { cpu_percent: 50, gpu_temp: 61 } }));
    details.record(
      result({ seq: 2, features: { cpu_percent: 70, gpu_temp: null } }),
    );
    assert.deepEqual(await series(registry, 'scorer_feature_value'), [
      { labels: { host: 'web-01', feature: 'cpu_percent' }, value: 70 },
      { labels: { host: 'web-01', feature: 'gpu_temp' }, value: 61 },
    ]);
  });

  it('keeps one last-anomaly series per host, labelled with its top features', async () => {
    const { registry, details } = recorder();
    details.record(result());
    details.record(
      result({
        seq: 2,
        timestamp: 1_700_000_001_000,
        ensemble: { score: 0.8, flag: true, time_us: 1, votes: 1, members: 2 },
        explanation: [{ feature: 'cpu_temp', value: 95, z: 6 }],
      }),
    );
    details.record(
      result({
        seq: 3,
        ensemble: { score: 0.1, flag: false, time_us: 1, votes: 0, members: 2 },
      }),
    );
    const labels = { host: 'web-01', top_features: 'cpu_temp' };
    assert.deepEqual(
      await series(registry, 'scorer_last_anomaly_timestamp_seconds'),
      [{ labels, value: 1_700_000_001 }],
    );
    assert.deepEqual(await series(registry, 'scorer_last_anomaly_score'), [
      { labels, value: 0.8 },
    ]);
    assert.deepEqual(await series(registry, 'scorer_ensemble_votes'), [
      { labels: { host: 'web-01' }, value: 0 },
    ]);
  });

  it("exports the bound model's member thresholds and the votes it needs", async () => {
    const { registry, details } = recorder();
    const model = fixtureModel(['isolation_forest', 'pca_reconstruction']);
    details.bindModel('web-01', model);
    const thresholds = await series(registry, 'scorer_detector_threshold');
    assert.deepEqual(
      thresholds.map((s) => s.labels.detector),
      ['isolation_forest', 'pca_reconstruction'],
    );
    model.ensemble.members.forEach((member, i) =>
      assert.equal(thresholds[i].value, member.threshold),
    );
    // More than half of 2 members: both.
    assert.deepEqual(await series(registry, 'scorer_ensemble_votes_needed'), [
      { labels: { host: 'web-01' }, value: 2 },
    ]);
  });

  it('removes every series of a host it forgets', async () => {
    const { registry, details } = recorder();
    details.bindModel(
      'web-01',
      fixtureModel(['isolation_forest', 'pca_reconstruction']),
    );
    details.record(result());
    details.forget('web-01');
    const metrics = await registry.getMetricsAsJSON();
    const left = metrics
      .filter((m) => m.values.some((v) => v.labels.host !== undefined))
      .map((m) => m.name);
    assert.deepEqual(left, []);
  });
});
