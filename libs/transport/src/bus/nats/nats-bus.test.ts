import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { collectMessages, waitFor } from '../../testing/collect-messages.js';
import {
  startNatsServer,
  type NatsServerHandle,
} from '../../testing/nats-server.js';
import type { BusStatusEvent } from '../bus-status.js';
import { describeBusContract } from '../test-support/bus-contract.js';
import { connectNatsBus, type NatsBus } from './nats-bus.js';
import { DEFAULT_STREAMS, type StreamSpec } from './stream-specs.js';

const TEST_STREAM: StreamSpec = {
  name: 'TEST',
  subjects: ['test.>'],
  maxAgeMs: 3_600_000,
  maxBytes: 64 * 1024 * 1024,
  duplicateWindowMs: 60_000,
};
const STREAMS = [...DEFAULT_STREAMS, TEST_STREAM];

let server: NatsServerHandle;
let bus: NatsBus;

before(async () => {
  server = await startNatsServer();
  bus = await connectNatsBus({
    url: server.url,
    name: 'transport-test',
    streams: STREAMS,
  });
});

after(async () => {
  await bus.drain();
  await server.stop();
});

describeBusContract('NatsBus', () => bus);

describe('NatsBus streams', () => {
  it('creates the pipeline streams with their limits', async () => {
    const jsm = await jetstreamManager(bus.connection);
    const metrics = await jsm.streams.info('METRICS');
    const events = await jsm.streams.info('EVENTS');
    assert.deepEqual(metrics.config.subjects, ['metrics.>']);
    assert.equal(metrics.config.max_age, nanos(24 * 3_600_000));
    assert.equal(metrics.config.duplicate_window, nanos(120_000));
    assert.deepEqual(events.config.subjects, ['anomalies.>', 'drift.>']);
  });

  it('updates the limits of an existing stream', async () => {
    await bus.ensureStreams([{ ...TEST_STREAM, maxAgeMs: 7_200_000 }]);
    const jsm = await jetstreamManager(bus.connection);
    const info = await jsm.streams.info('TEST');
    assert.equal(info.config.max_age, nanos(7_200_000));
  });

  it('refuses a durable whose filter changed', async () => {
    const handler = () => Promise.resolve();
    const sub = await bus.consume({
      durable: 'refilter',
      subjects: ['test.refilter.a'],
      handler,
    });
    await sub.stop();
    await assert.rejects(
      bus.consume({ durable: 'refilter', subjects: ['test.other.b'], handler }),
      { code: 'INVALID_OPTION' },
    );
  });

  it('fails fast with CONNECT_FAILED when no server listens', async () => {
    const other = await startNatsServer({ jetstream: false });
    const url = other.url;
    await other.stop();
    await assert.rejects(connectNatsBus({ url, name: 'nobody' }), {
      code: 'CONNECT_FAILED',
    });
  });
});

describe('NatsBus across a server outage', () => {
  it('reports the outage, rejects publishes during it and loses nothing', async () => {
    const events: BusStatusEvent['type'][] = [];
    const off = bus.onStatus((event) => events.push(event.type));
    const seen: number[] = [];
    const sub = await bus.consume({
      durable: 'outage',
      subjects: ['test.outage'],
      handler: (message) => {
        seen.push((message.json() as { i: number }).i);
        return Promise.resolve();
      },
    });
    for (let i = 0; i < 10; i++) {
      await bus.publish('test.outage', { i }, { msgId: `outage:${i}` });
    }
    await waitFor(() => seen.length === 10, 10_000, 'pre-outage messages');

    await server.kill();
    await waitFor(() => !bus.connected, 10_000, 'disconnect');
    await assert.rejects(bus.publish('test.outage', { i: 10 }), {
      code: 'PUBLISH_FAILED',
    });
    await sleep(2_000);
    await server.restart();
    await waitFor(() => bus.connected, 20_000, 'reconnect');

    for (let i = 10; i < 20; i++) {
      await bus.publish('test.outage', { i }, { msgId: `outage:${i}` });
    }
    await waitFor(() => seen.length >= 20, 20_000, 'post-outage messages');
    await sleep(300);
    await sub.stop();
    off();
    assert.deepEqual(
      seen,
      Array.from({ length: 20 }, (_, i) => i),
    );
    assert.ok(events.includes('disconnected'), events.join(','));
    assert.ok(events.includes('reconnected'), events.join(','));
  });

  it('resumes a durable from the server store after a restart', async () => {
    await bus.publish('test.restart', { n: 1 });
    await collectMessages(bus, {
      durable: 'restart',
      subjects: ['test.restart'],
      count: 1,
    });
    await bus.publish('test.restart', { n: 2 });
    await server.restart();
    await waitFor(() => bus.connected, 20_000, 'reconnect');
    const got = await collectMessages(bus, {
      durable: 'restart',
      subjects: ['test.restart'],
      count: 1,
      timeoutMs: 20_000,
    });
    assert.deepEqual(
      got.map((m) => m.payload),
      [{ n: 2 }],
    );
  });
});
