import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { WriteBatch } from './write-batch.js';

describe('WriteBatch', () => {
  it('runs the commands of one turn together, in order, after the turn', async () => {
    const batch = new WriteBatch();
    const ran: number[] = [];
    batch.defer(() => ran.push(1));
    await Promise.resolve();
    batch.defer(() => ran.push(2));
    assert.deepEqual(ran, []);
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
});
