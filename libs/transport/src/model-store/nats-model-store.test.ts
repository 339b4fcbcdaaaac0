import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  startNatsServer,
  type NatsServerHandle,
} from '../testing/nats-server.js';
import { openNatsModelStore } from './nats-model-store.js';
import { describeModelStoreContract } from './test-support/model-store-contract.js';

let server: NatsServerHandle;
let nc: NatsConnection;
let buckets = 0;

before(async () => {
  server = await startNatsServer();
  nc = await connect({ servers: server.url });
});

after(async () => {
  await nc.close();
  await server.stop();
});

describeModelStoreContract('NATS object store', () =>
  openNatsModelStore(nc, { bucket: `models-${++buckets}` }),
);

describe('NATS model store', () => {
  it('shares models between connections, as lab and scorer do', async () => {
    const lab = await openNatsModelStore(nc, { bucket: 'shared' });
    const other = await connect({ servers: server.url });
    const scorer = await openNatsModelStore(other, { bucket: 'shared' });
    const big = { weights: Array.from({ length: 50_000 }, (_, i) => i / 7) };
    await lab.put('fleet/default', big);
    assert.deepEqual(await scorer.getJson('fleet/default'), big);
    await other.close();
  });
});
