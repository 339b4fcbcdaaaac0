import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openNatsModelStore } from '@hostwatch/transport';
import type { MetricSample, NatsBus, ScoreResult } from '@hostwatch/transport';
import { collectMessages, waitFor } from '@hostwatch/transport/testing';
import type { NatsServerHandle } from '@hostwatch/transport/testing';
import { FLEET_MODEL_NAME } from './models/model-catalog.js';
import { readFixture, replaySamples } from './test-support/fixtures.js';
import { fixtureModel } from './test-support/models.js';
import {
  connect,
  publishSamples,
  startReplica,
  startServer,
} from './test-support/nats-harness.js';
import type { TestReplica } from './test-support/nats-harness.js';

const PARTITIONS = 8;
const HOSTS = 16;
const LEASE_TTL_MS = 1_500;
const ACK_WAIT_MS = 1_500;
const REPLICA_OPTIONS = {
  partitions: PARTITIONS,
  leaseTtlMs: LEASE_TTL_MS,
  ackWaitMs: ACK_WAIT_MS,
  onlineDetectors: ['isolation_forest'] as const,
};

function fleetSamples(rows: number, firstSeq: number): MetricSample[] {
  const normal = readFixture('normal_training');
  const samples: MetricSample[] = [];
  for (let h = 0; h < HOSTS; h++) {
    samples.push(
      ...replaySamples(normal, { host: `node-${h}`, rows, firstSeq }),
    );
  }
  return samples;
}

const key = (r: { host: string; seq: number }) => `${r.host}:${r.seq}`;

async function allResults(bus: NatsBus, count: number): Promise<ScoreResult[]> {
  const messages = await collectMessages(bus, {
    subjects: ['scores.>'],
    count,
    timeoutMs: 30_000,
  });
  return messages.map((m) => m.payload as ScoreResult);
}

describe('scorer replicas over partitioned NATS', () => {
  let server: NatsServerHandle;
  let bus: NatsBus;
  let a: TestReplica;
  let b: TestReplica;

  before(async () => {
    server = await startServer(PARTITIONS);
    bus = await connect(server);
    const models = await openNatsModelStore(bus.connection);
    await models.put(
      FLEET_MODEL_NAME,
      fixtureModel(['isolation_forest']).toJSON(),
    );
    a = await startReplica(server, models, {
      ...REPLICA_OPTIONS,
      replicaId: 'a',
    });
    b = await startReplica(server, models, {
      ...REPLICA_OPTIONS,
      replicaId: 'b',
    });
    await waitFor(
      () =>
        a.scorer.partitions.length === PARTITIONS / 2 &&
        b.scorer.partitions.length === PARTITIONS / 2,
      10_000,
      'the partitions to split evenly',
    );
  });

  after(async () => {
    await a.stop();
    await b.stop();
    await bus.drain();
    await server.stop();
  });

  it('process every sample exactly once, each host on one replica', async () => {
    const samples = fleetSamples(40, 1);
    await publishSamples(bus, samples);
    const results = await allResults(bus, samples.length);

    assert.deepEqual(new Set(results.map(key)), new Set(samples.map(key)));
    // A result is counted just after its publish is acked: let the last
    // counts land before comparing.
    const counted = () =>
      Promise.all([a.resultCount(), b.resultCount()]).then(([x, y]) => x + y);
    const deadline = Date.now() + 5_000;
    while ((await counted()) < samples.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(await counted(), samples.length);
    const onA = await a.scoredHosts();
    const onB = await b.scoredHosts();
    assert.ok(onA.size > 0 && onB.size > 0, `split ${onA.size}/${onB.size}`);
    assert.deepEqual(
      [...onA].filter((host) => onB.has(host)),
      [],
    );
    for (const host of onA) {
      const seqs = results.filter((r) => r.host === host).map((r) => r.seq);
      assert.deepEqual(
        seqs,
        [...seqs].sort((x, y) => x - y),
        `order of ${host}`,
      );
    }
  });

  it("move a killed replica's hosts to the survivor without losing samples", async () => {
    const before = fleetSamples(40, 1);
    const samples = fleetSamples(60, 41);
    const half = samples.length / 2;
    await publishSamples(bus, samples.slice(0, half));
    await b.bus.connection.close(); // killed: no lease released, no ack sent
    await publishSamples(bus, samples.slice(half));

    await waitFor(
      () => a.scorer.partitions.length === PARTITIONS,
      10_000,
      'the survivor to own every partition',
    );
    const results = await allResults(bus, before.length + samples.length);
    const seen = new Set(results.map(key));
    const lost = samples.filter((s) => !seen.has(key(s)));
    assert.deepEqual(lost.map(key), []);
  });
});
