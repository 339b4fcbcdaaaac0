import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { collectMessages } from '../../testing/collect-messages.js';
import { describeBusContract } from '../test-support/bus-contract.js';
import { InProcessBus } from './in-process-bus.js';

const shared = new InProcessBus();
after(() => shared.drain());

describeBusContract('InProcessBus', () => shared);

describe('InProcessBus', () => {
  it('rejects publish and consume once drained', async () => {
    const bus = new InProcessBus();
    await bus.drain();
    assert.equal(bus.connected, false);
    await assert.rejects(bus.publish('metrics.x', {}), { code: 'CLOSED' });
    await assert.rejects(
      bus.consume({
        durable: 'd',
        subjects: ['metrics.>'],
        handler: () => Promise.resolve(),
      }),
      { code: 'CLOSED' },
    );
  });

  it('keeps only the newest maxMessages for durables that start late', async () => {
    const bus = new InProcessBus({ maxMessages: 10 });
    for (let i = 0; i < 100; i++) await bus.publish('metrics.old', { i });
    const got = await collectMessages(bus, {
      subjects: ['metrics.old'],
      count: 10,
    });
    await bus.drain();
    const first = (got[0].payload as { i: number }).i;
    assert.ok(first >= 75 && first <= 90, `oldest kept is ${first}`);
  });

  it('accepts a msgId again once the duplicate window has passed', async () => {
    const bus = new InProcessBus({ duplicateWindowMs: 0 });
    await bus.publish('metrics.w', { n: 1 }, { msgId: 'same' });
    await bus.publish('metrics.w', { n: 2 }, { msgId: 'same' });
    const got = await collectMessages(bus, {
      subjects: ['metrics.w'],
      count: 2,
    });
    await bus.drain();
    assert.equal(got.length, 2);
  });

  it('refuses a second consume on a durable with other subjects', async () => {
    const bus = new InProcessBus();
    const handler = () => Promise.resolve();
    await bus.consume({ durable: 'x', subjects: ['metrics.>'], handler });
    await assert.rejects(
      bus.consume({ durable: 'x', subjects: ['scores.>'], handler }),
      { code: 'INVALID_OPTION' },
    );
    await bus.drain();
  });

  it('gives up after maxDeliver deliveries', async () => {
    const bus = new InProcessBus();
    let deliveries = 0;
    await bus.publish('metrics.poison', {});
    await bus.consume({
      durable: 'poison',
      subjects: ['metrics.poison'],
      maxDeliver: 2,
      nakDelayMs: 0,
      handler: () => {
        deliveries++;
        return Promise.reject(new Error('always'));
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await bus.drain();
    assert.equal(deliveries, 2);
  });
});
