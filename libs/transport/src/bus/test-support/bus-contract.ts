/* eslint-disable @typescript-eslint/no-floating-promises --
   node:test awaits the promises that describe() and it() return. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { collectMessages, waitFor } from '../../testing/collect-messages.js';
import type { Bus, BusMessage } from '../bus.js';

/**
 * What every Bus must do, run against InProcessBus and NatsBus alike.
 * `bus()` returns the bus under test (shared by the cases; each case uses
 * its own subjects and durable names). A NATS server needs a stream on
 * `test.>` beside the pipeline's streams.
 */
export function describeBusContract(name: string, bus: () => Bus): void {
  describe(`${name} honours the Bus contract`, () => {
    it('delivers published payloads in order with deliveryCount 1', async () => {
      for (let i = 0; i < 3; i++) await bus().publish('metrics.rt', { i });
      const got = await collectMessages(bus(), {
        subjects: ['metrics.rt'],
        count: 3,
      });
      assert.deepEqual(
        got.map((m) => [m.subject, m.payload, m.deliveryCount]),
        [0, 1, 2].map((i) => ['metrics.rt', { i }, 1]),
      );
    });

    it('filters with * and > wildcards', async () => {
      await bus().publish('test.wildish.d', { subject: 'd' });
      for (const subject of ['a', 'b.deep', 'c']) {
        await bus().publish(`test.wild.${subject}`, { subject });
      }
      const one = await collectMessages(bus(), {
        subjects: ['test.wild.*'],
        count: 2,
      });
      const many = await collectMessages(bus(), {
        subjects: ['test.wild.>'],
        count: 3,
      });
      await sleep(200);
      assert.deepEqual(
        one.map((m) => m.subject),
        ['test.wild.a', 'test.wild.c'],
      );
      assert.deepEqual(
        many.map((m) => m.subject),
        ['test.wild.a', 'test.wild.b.deep', 'test.wild.c'],
      );
    });

    it('stores a repeated msgId once', async () => {
      await bus().publish('metrics.dedup', { n: 1 }, { msgId: 'dedup:1' });
      await bus().publish('metrics.dedup', { n: 1 }, { msgId: 'dedup:1' });
      await bus().publish('metrics.dedup', { n: 2 }, { msgId: 'dedup:2' });
      await bus().publish('metrics.dedup', { end: true });
      const got = await collectMessages(bus(), {
        subjects: ['metrics.dedup'],
        count: 3,
      });
      assert.deepEqual(
        got.map((m) => m.payload),
        [{ n: 1 }, { n: 2 }, { end: true }],
      );
    });

    it('redelivers a message whose handler threw, counting deliveries', async () => {
      const seen: number[] = [];
      const errors: unknown[] = [];
      await bus().publish('metrics.retry', { n: 1 });
      const sub = await bus().consume({
        durable: 'contract-retry',
        subjects: ['metrics.retry'],
        nakDelayMs: 50,
        onError: (error) => errors.push(error),
        handler: (message) => {
          seen.push(message.deliveryCount);
          if (message.deliveryCount < 3) throw new Error('not yet');
          return Promise.resolve();
        },
      });
      await waitFor(() => seen.length >= 3, 10_000, 'three deliveries');
      await sub.stop();
      assert.deepEqual(seen, [1, 2, 3]);
      assert.equal(errors.length, 2);
    });

    it('redelivers an unacked message after ackWaitMs when autoAck is off', async () => {
      const seen: number[] = [];
      await bus().publish('metrics.ackwait', { n: 1 });
      const sub = await bus().consume({
        durable: 'contract-ackwait',
        subjects: ['metrics.ackwait'],
        autoAck: false,
        ackWaitMs: 500,
        handler: (message) => {
          seen.push(message.deliveryCount);
          if (message.deliveryCount === 2) message.ack();
          return Promise.resolve();
        },
      });
      await waitFor(() => seen.length >= 2, 10_000, 'a redelivery');
      await sleep(800);
      await sub.stop();
      assert.deepEqual(seen, [1, 2]);
    });

    it('resumes a durable after the last acked message', async () => {
      const durable = 'contract-resume';
      await bus().publish('metrics.resume', { n: 1 });
      await bus().publish('metrics.resume', { n: 2 });
      const first = await collectMessages(bus(), {
        durable,
        subjects: ['metrics.resume'],
        count: 2,
      });
      await bus().publish('metrics.resume', { n: 3 });
      const second = await collectMessages(bus(), {
        durable,
        subjects: ['metrics.resume'],
        count: 1,
      });
      await sleep(200);
      assert.deepEqual(
        first.map((m) => m.payload),
        [{ n: 1 }, { n: 2 }],
      );
      assert.deepEqual(
        second.map((m) => m.payload),
        [{ n: 3 }],
      );
    });

    it('splits a durable between competing consumers, each message once', async () => {
      const total = 40;
      const byConsumer: string[][] = [[], []];
      const handler = (k: number) => async (message: BusMessage) => {
        await sleep(5);
        byConsumer[k].push(JSON.stringify(message.json()));
      };
      const subs = await Promise.all(
        [0, 1].map((k) =>
          bus().consume({
            durable: 'contract-compete',
            subjects: ['test.compete.*'],
            maxInFlight: 4,
            handler: handler(k),
          }),
        ),
      );
      for (let i = 0; i < total; i++) {
        await bus().publish(`test.compete.${i % 4}`, { i });
      }
      const done = () => byConsumer[0].length + byConsumer[1].length;
      await waitFor(() => done() >= total, 15_000, 'all messages');
      await sleep(300);
      await Promise.all(subs.map((s) => s.stop()));
      const all = [...byConsumer[0], ...byConsumer[1]].sort();
      assert.equal(all.length, total);
      assert.equal(new Set(all).size, total);
      assert.ok(byConsumer[0].length > 0 && byConsumer[1].length > 0);
    });

    it('keeps per-subject order while handlers of different subjects overlap', async () => {
      const order = new Map<string, number[]>();
      let running = 0;
      let overlapped = false;
      const sub = await bus().consume({
        durable: 'contract-order',
        subjects: ['test.order.*'],
        maxInFlight: 16,
        handler: async (message) => {
          running++;
          overlapped ||= running > 1;
          const { i } = message.json() as { i: number };
          await sleep((i * 7) % 11);
          order.set(message.subject, [
            ...(order.get(message.subject) ?? []),
            i,
          ]);
          running--;
        },
      });
      for (let i = 0; i < 30; i++) {
        await bus().publish(`test.order.${i % 3}`, { i });
      }
      const count = () => [...order.values()].flat().length;
      await waitFor(() => count() >= 30, 15_000, 'all messages');
      await sub.stop();
      for (const [subject, seen] of order) {
        assert.deepEqual(
          seen,
          [...seen].sort((a, b) => a - b),
          subject,
        );
      }
      assert.ok(overlapped, 'handlers of different subjects ran concurrently');
    });

    it('consumes several subject filters under one durable', async () => {
      await bus().publish('metrics.multi', { from: 'metrics' });
      await bus().publish('scores.multi', { from: 'scores' });
      const got = await collectMessages(bus(), {
        subjects: ['metrics.multi', 'scores.multi'],
        count: 2,
      });
      assert.deepEqual(got.map((m) => m.subject).sort(), [
        'metrics.multi',
        'scores.multi',
      ]);
    });

    it('rejects a publish to a wildcard subject', async () => {
      await assert.rejects(bus().publish('metrics.*', {}), {
        code: 'INVALID_OPTION',
      });
    });
  });
}
