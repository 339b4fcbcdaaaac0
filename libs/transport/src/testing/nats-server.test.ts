import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { startNatsServer } from './nats-server.js';

describe('startNatsServer', () => {
  it('starts JetStream on a free port and keeps the store across restart', async () => {
    const server = await startNatsServer();
    assert.notEqual(server.port, 4222);
    let nc = await connect({ servers: server.url });
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'KEEP', subjects: ['keep.>'] });
    await nc.close();

    await server.restart();
    nc = await connect({ servers: server.url });
    const info = await (await jetstreamManager(nc)).streams.info('KEEP');
    await nc.close();
    await server.stop();

    assert.deepEqual(info.config.subjects, ['keep.>']);
    await assert.rejects(access(server.storeDir));
  });

  it('applies extra config text, e.g. a subject mapping', async () => {
    const server = await startNatsServer({
      jetstream: false,
      config: 'mappings = { "in.>": "out.>" }',
    });
    const nc = await connect({ servers: server.url });
    const sub = nc.subscribe('out.x', { max: 1 });
    nc.publish('in.x', 'hello');
    let subject = '';
    for await (const msg of sub) subject = msg.subject;
    await nc.close();
    await server.stop();
    assert.equal(subject, 'out.x');
  });

  it('reports a config the server refuses', async () => {
    await assert.rejects(
      startNatsServer({ config: 'this is not { valid' }),
      /nats-server exited/,
    );
  });
});
