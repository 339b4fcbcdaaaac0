import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ModelCatalog,
  FLEET_MODEL_NAME,
  hostModelName,
} from '../models/model-catalog.js';
import { createOnlineFit } from '../online/online-fit.js';
import { parseScorerOptions } from '../options.js';
import type { ScorerOptions } from '../options.js';
import { readFixture, replaySamples } from '../test-support/fixtures.js';
import { fixtureModel } from '../test-support/models.js';
import { HostScorer, ONLINE_VERSION_PREFIX } from './host-scorer.js';

const WARMUP_ROWS = 100;

function hostScorer(options: ScorerOptions = {}) {
  const parsed = parseScorerOptions(
    {
      onlineDetectors: ['isolation_forest'],
      warmupMs: (WARMUP_ROWS - 1) * 1000,
      windowSize: 200,
      refitEvery: 50,
      ...options,
    },
    readFixture('normal_training').features,
  );
  const catalog = new ModelCatalog();
  const fitErrors: unknown[] = [];
  const scorer = new HostScorer(catalog, parsed, createOnlineFit(parsed), {
    onFitError: (_host, error) => fitErrors.push(error),
    onModelBound: () => undefined,
  });
  return { scorer, catalog, fitErrors };
}

const normalSamples = (host: string, rows: number) =>
  replaySamples(readFixture('normal_training'), { host, rows, start: 0 });

describe('HostScorer', () => {
  it('warms up a host without a model, then scores with one it learned', () => {
    const { scorer, fitErrors } = hostScorer();
    const outcomes = normalSamples('h1', WARMUP_ROWS + 10).map((s) =>
      scorer.score(s),
    );

    const warming = outcomes.filter((o) => o.verdicts === null);
    assert.equal(warming.length, WARMUP_ROWS - 1);
    assert.deepEqual(warming[0].pendingDetectors, ['isolation_forest']);
    const last = outcomes[outcomes.length - 1];
    assert.ok(last.modelVersion?.startsWith(ONLINE_VERSION_PREFIX));
    assert.ok(Number.isFinite(last.verdicts?.ensemble.score));
    assert.deepEqual(fitErrors, []);
  });

  it('refits the online model every refitEvery scored samples', () => {
    const { scorer } = hostScorer();
    const versions = new Set(
      normalSamples('h1', WARMUP_ROWS + 120).map(
        (s) => scorer.score(s).modelVersion,
      ),
    );
    versions.delete(null);
    assert.equal(versions.size, 3); // the warm-up fit and two refits
  });

  it("scores at once with the fleet model and prefers the host's own", () => {
    const { scorer, catalog } = hostScorer();
    const fleet = fixtureModel(['isolation_forest'], 1);
    const own = fixtureModel(['isolation_forest'], 2);
    catalog.install(FLEET_MODEL_NAME, fleet);
    const [a, b] = normalSamples('h1', 2);
    assert.equal(scorer.score(a).modelVersion, fleet.id);

    catalog.install(hostModelName('h1'), own);
    assert.equal(scorer.score(b).modelVersion, own.id);
  });

  it('feeds the drift test once per sample, not again on a redelivery', () => {
    const { scorer, catalog } = hostScorer();
    catalog.install(FLEET_MODEL_NAME, fixtureModel(['isolation_forest'], 1));
    const samples = normalSamples('h1', 5);
    for (const sample of samples) scorer.score(sample);
    const before = scorer.score({ ...samples[4], seq: 6 }).drift.statistic;

    const again = scorer.score(samples[2]);
    assert.equal(again.drift.statistic, before);
    assert.equal(again.drift.flag, false);
    assert.ok(again.verdicts !== null);
  });

  it('forgets the hosts of a partition it gave away', () => {
    const { scorer } = hostScorer();
    scorer.score(normalSamples('a', 1)[0], 0);
    scorer.score(normalSamples('b', 1)[0], 1);
    assert.deepEqual(scorer.forgetPartition(1), ['b']);
    assert.equal(scorer.hostCount, 1);
  });

  it('raises a drift alarm when the ensemble score shifts and stays', () => {
    const { scorer, catalog } = hostScorer(); // the default λ = 50
    catalog.install(FLEET_MODEL_NAME, fixtureModel(['isolation_forest'], 1));
    const samples = normalSamples('h1', 400);
    const alarms: number[] = [];
    samples.forEach((sample, i) => {
      const hot: Record<string, number> =
        i >= 200 ? { cpu_temp: 95, cpu_percent: 3 } : {};
      const outcome = scorer.score({
        ...sample,
        features: { ...sample.features, ...hot },
      });
      if (outcome.drift.flag) alarms.push(i);
    });
    assert.ok(
      alarms.some((i) => i >= 200),
      `alarms at ${alarms.join(',')}`,
    );
    assert.ok(
      alarms.every((i) => i >= 200),
      `alarms at ${alarms.join(',')}`,
    );
  });
});
