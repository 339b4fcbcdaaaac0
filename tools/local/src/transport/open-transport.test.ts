import assert from 'node:assert/strict';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readConfig } from '../config.js';
import { openTransport } from './open-transport.js';

describe('openTransport', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hostwatch-transport-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('runs embedded when no NATS_URL is set and no nats-server is on the PATH', async () => {
    const config = readConfig({ HOSTWATCH_DATA_DIR: dir, PATH: '/usr/bin' });
    const transport = await openTransport(config);

    assert.equal(transport.kind, 'embedded');
    assert.equal(transport.bus.kind, 'in-process');
    assert.equal(transport.url, null);
    await transport.close();
  });

  it('starts the nats-server on the PATH with its store under data/nats and stops it', async () => {
    const config = readConfig({ HOSTWATCH_DATA_DIR: dir, PATH: '/usr/sbin' });
    const transport = await openTransport(config);
    const port = Number(new URL(transport.url!).port);

    assert.equal(transport.kind, 'nats-server');
    assert.equal(transport.bus.kind, 'nats');
    await transport.bus.publish('metrics.probe', { v: 1 });
    await access(join(dir, 'nats', 'jetstream'));
    await transport.close();
    assert.equal(await accepts(port), false, 'the server is stopped');
  });
});

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
