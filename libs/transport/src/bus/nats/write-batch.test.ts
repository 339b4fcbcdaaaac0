import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  setImmediate as nextTurn,
  setTimeout as sleep,
} from 'node:timers/promises';
import { WriteBatch } from './write-batch.js';

describe('WriteBatch', () => {
  it('runs the commands of one turn together, in order, after the turn', async () => {
    const batch = new WriteBatch();
    const ran: number[] = [];
    batch.defer(() => ran.push(1));
    await Promise.resolve();
    batch.defer(() => ran.push(2));
    assert.equal(ran.length, 0);
    await nextTurn();
    assert.deepEqual(ran, [1, 2]);
  });

  it('runs queued commands at once on flush, and not again later', async () => {
    const batch = new WriteBatch();
    const ran: number[] = [];
    batch.defer(() => ran.push(1));
    batch.flush();
    assert.deepEqual(ran, [1]);
    await nextTurn();
    assert.deepEqual(ran, [1]);
  });

  it('sends acks with the next batch of writes, after its commands', async () => {
    const batch = new WriteBatch(60_000);
    const ran: string[] = [];
    batch.deferAck(() => ran.push('ack'));
    await nextTurn();
    assert.equal(ran.length, 0);
    batch.defer(() => ran.push('publish'));
    await nextTurn();
    assert.deepEqual(ran, ['publish', 'ack']);
  });

  it('sends a full batch of acks at the end of the turn, without a write', async () => {
    const batch = new WriteBatch(60_000, 3);
    const ran: number[] = [];
    batch.deferAck(() => ran.push(1));
    batch.deferAck(() => ran.push(2));
    await nextTurn();
    assert.equal(ran.length, 0, 'two of three: they wait for a write');
    batch.deferAck(() => ran.push(3));
    assert.equal(ran.length, 0, 'not inside the turn that queued them');
    await nextTurn();
    assert.deepEqual(ran, [1, 2, 3]);
  });

  it('sends acks on their own once the ack delay has passed', async () => {
    const batch = new WriteBatch(20);
    const ran: string[] = [];
    batch.deferAck(() => ran.push('ack'));
    await sleep(5);
    assert.equal(ran.length, 0);
    await sleep(100);
    assert.deepEqual(ran, ['ack']);
  });
});
