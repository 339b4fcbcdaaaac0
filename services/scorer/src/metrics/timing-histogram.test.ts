import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Histogram, Registry } from 'prom-client';
import { TimingHistogram } from './timing-histogram.js';

const BUCKETS = [1e-6, 5e-6, 1e-5, 2.5e-5, 1e-3, 0.05];
const VALUES = [0, 1e-6, 2e-6, 5e-6, 7.5e-6, 3e-5, 1e-3, 0.04, 0.05, 2];

/** prom-client's values carry an (empty) exemplar slot; ours have none. */
function withoutExemplars(metrics: MetricObject[]): MetricObject[] {
  return metrics.map((metric) => ({
    ...metric,
    values: metric.values.map((value) => {
      const copy = { ...value } as typeof value & { exemplar?: unknown };
      delete copy.exemplar;
      return copy;
    }),
  }));
}

type MetricObject = Awaited<ReturnType<Registry['getMetricsAsJSON']>>[number];

describe('TimingHistogram', () => {
  it('exports what prom-client exports for the same observations', async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const config = {
      name: 'scorer_test_seconds',
      help: 'A test histogram',
      labelNames: ['detector'] as const,
      buckets: BUCKETS,
    };
    const timing = new TimingHistogram({ ...config, registers: [ours] });
    const reference = new Histogram({ ...config, registers: [theirs] });
    VALUES.forEach((value, i) => {
      const detector = i % 3 === 0 ? 'lof' : 'pca';
      timing.labels(detector).observe(value);
      reference.labels(detector).observe(value);
    });
    assert.equal(await ours.metrics(), await theirs.metrics());
    assert.deepEqual(
      await ours.getMetricsAsJSON(),
      withoutExemplars(await theirs.getMetricsAsJSON()),
    );
  });

  it('exports an unlabelled histogram before its first observation', async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const config = {
      name: 'latency_seconds',
      help: 'Latency',
      buckets: BUCKETS,
    };
    new TimingHistogram({ ...config, labelNames: [], registers: [ours] });
    new Histogram({ ...config, registers: [theirs] });
    assert.equal(await ours.metrics(), await theirs.metrics());
  });

  it('refuses a value that is not finite', () => {
    const timing = new TimingHistogram({
      name: 'x_seconds',
      help: 'x',
      labelNames: [],
      buckets: BUCKETS,
      registers: [],
    });
    assert.throws(() => timing.labels().observe(Number.NaN), /finite/);
  });
});
