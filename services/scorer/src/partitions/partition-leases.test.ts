import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryLeaseStore } from '../test-support/memory-lease-store.js';
import { PartitionLeases } from './partition-leases.js';
import type { PartitionConsumers } from './partition-leases.js';

const TTL_MS = 3_000;
const PARTITIONS = 4;

/** Records which partitions a replica consumes. */
class RecordingConsumers implements PartitionConsumers {
  readonly running = new Set<number>();
  start(partition: number): Promise<void> {
    this.running.add(partition);
    return Promise.resolve();
  }
  stop(partition: number): Promise<void> {
    this.running.delete(partition);
    return Promise.resolve();
  }
}

function replica(store: MemoryLeaseStore, id: string) {
  const consumers = new RecordingConsumers();
  const leases = new PartitionLeases(
    store,
    consumers,
    { partitions: PARTITIONS, replicaId: id, ttlMs: TTL_MS },
    { onChange: () => undefined, onError: (e) => assert.fail(String(e)) },
  );
  return { consumers, leases };
}

const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);

describe('PartitionLeases', () => {
  it('gives a lone replica every partition', async () => {
    const store = new MemoryLeaseStore(TTL_MS);
    const a = replica(store, 'a');
    await a.leases.tick();
    assert.deepEqual(sorted(a.consumers.running), [0, 1, 2, 3]);
  });

  it('splits partitions when a second replica joins, never sharing one', async () => {
    const store = new MemoryLeaseStore(TTL_MS);
    const a = replica(store, 'a');
    const b = replica(store, 'b');
    await a.leases.tick();
    await b.leases.tick(); // b is live but every lease is still a's
    assert.equal(b.consumers.running.size, 0);

    await a.leases.tick(); // a sees b and releases b's share
    await b.leases.tick();
    assert.deepEqual(sorted(a.consumers.running), [0, 2]);
    assert.deepEqual(sorted(b.consumers.running), [1, 3]);
  });

  it("moves a stopped replica's partitions to a survivor after one TTL", async () => {
    const store = new MemoryLeaseStore(TTL_MS);
    const a = replica(store, 'a');
    const b = replica(store, 'b');
    for (const r of [a, b, a, b]) await r.leases.tick();

    store.now += TTL_MS - 1; // b stops renewing; a renews in time
    await a.leases.tick();
    assert.deepEqual(sorted(a.consumers.running), [0, 2]);
    store.now += 2;
    await a.leases.tick();
    assert.deepEqual(sorted(a.consumers.running), [0, 1, 2, 3]);
  });

  it('releases its leases on stop so another replica claims them at once', async () => {
    const store = new MemoryLeaseStore(TTL_MS);
    const a = replica(store, 'a');
    const b = replica(store, 'b');
    for (const r of [a, b, a, b]) await r.leases.tick();

    await a.leases.stop();
    assert.equal(a.consumers.running.size, 0);
    await b.leases.tick();
    assert.deepEqual(sorted(b.consumers.running), [0, 1, 2, 3]);
  });

  it('stops consuming a partition whose lease it lost', async () => {
    const store = new MemoryLeaseStore(TTL_MS);
    const a = replica(store, 'a');
    await a.leases.tick();
    store.now += TTL_MS; // a stalled past its TTL: every lease expired
    const intruder = await store.claim('partition.0', 'x');
    assert.notEqual(intruder, null);

    await a.leases.tick();
    assert.equal(store.ownerOf('partition.0'), 'x');
    assert.equal(a.consumers.running.has(0), false);
  });
});
