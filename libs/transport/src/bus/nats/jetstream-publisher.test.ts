import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import {
  startNatsServer,
  type NatsServerHandle,
} from '../../testing/nats-server.js';
import { JetStreamPublisher } from './jetstream-publisher.js';
import { WriteBatch } from './write-batch.js';

const TIMEOUT_MS = 300;
const data = new TextEncoder().encode('{}');

let server: NatsServerHandle;
let nc: NatsConnection;
let publisher: JetStreamPublisher;

before(async () => {
  server = await startNatsServer();
  nc = await connect({ servers: server.url });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.add({ name: 'PUB', subjects: ['pub.>'] });
  publisher = new JetStreamPublisher(nc, TIMEOUT_MS, new WriteBatch());
});

after(async () => {
  publisher.close();
  await nc.close();
  await server.stop();
});

describe('JetStreamPublisher', () => {
  it('resolves once the stream stored the message, once per message id', async () => {
    await Promise.all([
      publisher.publish('pub.a', data, 'id-1'),
      publisher.publish('pub.a', data, 'id-1'),
      publisher.publish('pub.a', data, 'id-2'),
      publisher.publish('pub.a', data),
    ]);
    const jsm = await jetstreamManager(nc);
    assert.equal((await jsm.streams.info('PUB')).state.messages, 3);
  });

  it('rejects a subject that no stream holds', async () => {
    await assert.rejects(publisher.publish('nowhere.a', data), /no responders/);
  });

  it('rejects when nothing answers within the timeout', async () => {
    const silent = nc.subscribe('silent.a');
    const started = Date.now();
    await assert.rejects(publisher.publish('silent.a', data), /no stream ack/);
    assert.ok(Date.now() - started >= TIMEOUT_MS);
    silent.unsubscribe();
  });
});
