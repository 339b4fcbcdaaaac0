import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { waitFor } from '../testing/collect-messages.js';
import {
  startNatsServer,
  type NatsServerHandle,
} from '../testing/nats-server.js';
import { PartitionLeases } from './partition-leases.js';

let server: NatsServerHandle;
let nc: NatsConnection;

before(async () => {
  server = await startNatsServer();
  nc = await connect({ servers: server.url });
});

after(async () => {
  await nc.close();
  await server.stop();
});

function replica(id: string, connection = () => nc) {
  const active = new Set<number>();
  const start = () =>
    PartitionLeases.start({
      connection: connection(),
      partitions: 4,
      replicaId: id,
      ttlMs: 900,
      onAssigned: (p) => void active.add(p),
      onRevoked: (p) => void active.delete(p),
    });
  return { active, start };
}

describe('PartitionLeases', () => {
  it('splits partitions between replicas and hands them over when one stops', async () => {
    const a = replica('a');
    const b = replica('b');
    const leasesA = await a.start();
    const leasesB = await b.start();
    const split = () => a.active.size === 2 && b.active.size === 2;
    await waitFor(split, 10_000, 'an even split');
    assert.deepEqual([...a.active, ...b.active].sort(), [0, 1, 2, 3]);
    assert.deepEqual(leasesA.owned, [...a.active].sort());

    await leasesA.stop();
    assert.equal(a.active.size, 0);
    await waitFor(() => b.active.size === 4, 10_000, 'b owning all');
    await leasesB.stop();
  });

  it('takes over the partitions of a replica that stopped renewing', async () => {
    const own = await connect({ servers: server.url });
    const a = replica('gone', () => own);
    const b = replica('stays');
    await a.start();
    const leasesB = await b.start();
    await waitFor(() => b.active.size === 2, 10_000, 'an even split');
    // A crashed replica: its connection goes, nothing is released.
    await own.close();
    await waitFor(() => b.active.size === 4, 10_000, 'the takeover');
    await leasesB.stop();
  });
});
