import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { collectMessages, waitFor } from '@hostwatch/transport/testing';
import type { NatsServerHandle } from '@hostwatch/transport/testing';
import type {
  AnomalyEvent,
  DeadLetter,
  NatsBus,
  ScoreResult,
} from '@hostwatch/transport';
import { metricsSubject, openNatsModelStore } from '@hostwatch/transport';
import type { ModelStore } from '@hostwatch/transport';
import { FLEET_MODEL_NAME } from './models/model-catalog.js';
import { readFixture, replaySamples } from './test-support/fixtures.js';
import { MemoryModelSource } from './test-support/memory-model-source.js';
import { fixtureModel } from './test-support/models.js';
import {
  connect,
  publishSamples,
  startReplica,
  startServer,
} from './test-support/nats-harness.js';
import type { TestReplica } from './test-support/nats-harness.js';

/** The members of the fleet model the tests upload: fast to train. */
const FLEET = ['isolation_forest', 'random_forest', 'xgboost'] as const;
/** The fleet model must find this share of labeled_test's anomalies... */
const MIN_RECALL = 0.8;
/** ...and this share of its flags must be real anomalies. */
const MIN_PRECISION = 0.9;

describe('scorer over NATS', () => {
  let server: NatsServerHandle;
  let bus: NatsBus;
  let models: ModelStore;
  let replica: TestReplica;

  before(async () => {
    server = await startServer();
    bus = await connect(server);
    models = await openNatsModelStore(bus.connection);
    await models.put(FLEET_MODEL_NAME, fixtureModel([...FLEET]).toJSON());
    replica = await startReplica(server, models, {
      warmupMs: 49_000,
      minFitSamples: 20,
      onlineDetectors: ['isolation_forest'],
    });
  });

  after(async () => {
    await replica.stop();
    await bus.drain();
    await server.stop();
  });

  it('publishes a result per replayed sample and flags labeled_test anomalies', async () => {
    const samples = replaySamples(readFixture('labeled_test'), {
      host: 'replay-1',
    });
    await publishSamples(bus, samples);
    const results = (
      await collectMessages(bus, {
        subjects: ['scores.replay-1'],
        count: samples.length,
        timeoutMs: 60_000,
      })
    ).map((m) => m.payload as ScoreResult);

    assert.deepEqual(
      results.map((r) => r.seq),
      samples.map((s) => s.seq),
    );
    let tp = 0;
    let flagged = 0;
    let anomalies = 0;
    for (const result of results) {
      assert.equal(result.status, 'scored');
      assert.deepEqual(Object.keys(result.detectors), [...FLEET]);
      assert.equal(result.explanation.length, 3);
      if (result.ensemble.flag === true) flagged++;
      if (result.label === 1) anomalies++;
      if (result.label === 1 && result.ensemble.flag === true) tp++;
    }
    assert.ok(tp / anomalies >= MIN_RECALL, `recall ${tp}/${anomalies}`);
    assert.ok(tp / flagged >= MIN_PRECISION, `precision ${tp}/${flagged}`);

    const events = await collectMessages(bus, {
      subjects: ['anomalies.replay-1'],
      count: flagged,
    });
    const first = events[0].payload as AnomalyEvent;
    assert.equal(first.explanation.length, 3);
    assert.ok(first.flagged_by.length >= 1);
  });

  it('swaps in an uploaded model without a restart', async () => {
    const host = 'swap-1';
    const [first, second] = replaySamples(readFixture('normal_training'), {
      host,
      rows: 2,
    });
    await publishSamples(bus, [first]);
    const before = await collectMessages(bus, {
      subjects: [`scores.${host}`],
      count: 1,
    });
    assert.equal(
      (before[0].payload as ScoreResult).model_version,
      fixtureModel([...FLEET]).id,
    );

    const own = fixtureModel(['isolation_forest'], 3);
    await models.put(`host/${host}`, own.toJSON());
    await waitFor(
      () => replica.scorer.catalog.size === 2,
      10_000,
      'the upload to load',
    );
    await publishSamples(bus, [second]);
    const results = await collectMessages(bus, {
      subjects: [`scores.${host}`],
      count: 2,
    });
    assert.equal((results[1].payload as ScoreResult).model_version, own.id);
  });

  it('refuses a corrupt upload with a clear log line and keeps the old model', async () => {
    const host = 'swap-2';
    const own = fixtureModel(['isolation_forest'], 4);
    await models.put(`host/${host}`, own.toJSON());
    await waitFor(
      () => replica.scorer.catalog.get(`host/${host}`)?.id === own.id,
      10_000,
      'the first upload to load',
    );
    await models.put(`host/${host}`, '{"kind": "model_set", "version": 7}');
    await waitFor(
      () =>
        replica.lines.some((l) => l.model === `host/${host}` && l.level === 50),
      10_000,
      'the refusal to be logged',
    );
    const refusal = replica.lines.find(
      (l) => l.model === `host/${host}` && l.level === 50,
    );
    assert.match(String(refusal?.msg), /refused: model is model_set version 7/);
    assert.equal(refusal?.keeping, own.id);

    const [sample] = replaySamples(readFixture('normal_training'), {
      host,
      rows: 1,
    });
    await publishSamples(bus, [sample]);
    const [result] = await collectMessages(bus, {
      subjects: [`scores.${host}`],
      count: 1,
    });
    assert.equal((result.payload as ScoreResult).model_version, own.id);
  });

  it('dead-letters malformed messages while good samples keep flowing', async () => {
    const host = 'mixed-1';
    const good = replaySamples(readFixture('normal_training'), {
      host,
      rows: 20,
    });
    const bad: [string, unknown][] = [
      ['invalid_json', '{"v": 1, "host": '],
      ['missing_field', { v: 1, host, seq: 1000, features: {}, jitter_ms: 0 }],
      ['wrong_type', { ...good[0], seq: 1001, timestamp: 'yesterday' }],
      [
        'future_timestamp',
        { ...good[0], seq: 1002, timestamp: Date.now() + 3_600_000 },
      ],
      ['bad_host', { ...good[0], seq: 1003, host: 'other-host' }],
    ];
    for (const [i, sample] of good.entries()) {
      await publishSamples(bus, [sample]);
      const [, payload] = bad[i % bad.length];
      if (i < bad.length) {
        bus.connection.publish(
          metricsSubject(host),
          typeof payload === 'string' ? payload : JSON.stringify(payload),
        );
      }
    }
    const notFinite = JSON.stringify({ ...good[0], seq: 1004 }).replace(
      /"cpu_percent":[0-9.]+/,
      '"cpu_percent":NaN',
    );
    bus.connection.publish(metricsSubject(host), notFinite);

    const letters = (
      await collectMessages(bus, {
        subjects: ['deadletter.metrics'],
        count: bad.length + 1,
      })
    ).map((m) => m.payload as DeadLetter);
    assert.deepEqual(
      letters.map((l) => l.reason).sort(),
      [...bad.map(([reason]) => reason), 'invalid_json'].sort(),
    );
    const results = await collectMessages(bus, {
      subjects: [`scores.${host}`],
      count: good.length,
    });
    assert.deepEqual(
      results.map((r) => (r.payload as ScoreResult).seq),
      good.map((s) => s.seq),
    );
    const warnings = replica.lines.filter(
      (l) => l.msg === 'sample rejected' && l.reason === 'invalid_json',
    );
    assert.equal(warnings.length, 1);
  });
});

describe('scorer over NATS without a trained model', () => {
  it('warms up a host without a model, every sample still getting a result', async () => {
    const server = await startServer();
    const bus = await connect(server);
    const local = await startReplica(server, new MemoryModelSource(), {
      warmupMs: 49_000,
      minFitSamples: 20,
      onlineDetectors: ['isolation_forest'],
    });
    try {
      const samples = replaySamples(readFixture('normal_training'), {
        host: 'fresh-1',
        rows: 80,
      });
      await publishSamples(bus, samples);
      const results = (
        await collectMessages(bus, {
          subjects: ['scores.fresh-1'],
          count: 80,
          timeoutMs: 30_000,
        })
      ).map((m) => m.payload as ScoreResult);
      const warming = results.filter((r) => r.status === 'warming_up');
      assert.equal(warming.length, 49);
      assert.equal(warming[0].ensemble.score, null);
      assert.ok(
        results
          .slice(49)
          .every(
            (r) =>
              r.status === 'scored' && r.model_version?.startsWith('online-'),
          ),
      );
    } finally {
      await local.stop();
      await bus.drain();
      await server.stop();
    }
  });
});
