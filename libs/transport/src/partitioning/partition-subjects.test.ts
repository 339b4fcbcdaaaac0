import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connect } from '@nats-io/transport-node';
import { InProcessBus } from '../bus/in-process/in-process-bus.js';
import { collectMessages } from '../testing/collect-messages.js';
import { startNatsServer } from '../testing/nats-server.js';
import {
  hostOfPartitionedSubject,
  hostPartition,
  partitionFilter,
  partitionMappingConfig,
  partitionSubjectMapper,
} from './partition-subjects.js';

const HOSTS = [
  'web-1',
  'web-2',
  'db-1',
  'gpu-box',
  'a',
  'host_9',
  'x'.repeat(128),
];

describe('host partitions', () => {
  it('match the partition nats-server 2.9 maps each host to', async () => {
    const server = await startNatsServer({
      jetstream: false,
      config: partitionMappingConfig('metrics', 4),
    });
    const nc = await connect({ servers: server.url });
    const sub = nc.subscribe('metrics.>', { max: HOSTS.length });
    for (const host of HOSTS) nc.publish(`metrics.${host}`, '');
    const mapped: string[] = [];
    for await (const msg of sub) mapped.push(msg.subject);
    await nc.close();
    await server.stop();
    assert.deepEqual(
      mapped,
      HOSTS.map((host) => `metrics.${host}.${hostPartition(host, 4)}`),
    );
    assert.ok(new Set(mapped.map((s) => s.at(-1))).size > 1, 'hosts spread');
  });

  it('route an InProcessBus the same way', async () => {
    const bus = new InProcessBus({
      mapSubject: partitionSubjectMapper('metrics', 4),
    });
    for (const host of HOSTS) await bus.publish(`metrics.${host}`, { host });
    await bus.publish('scores.web-1', {});
    const p = hostPartition('web-1', 4);
    const expected = HOSTS.filter((h) => hostPartition(h, 4) === p);
    const got = await collectMessages(bus, {
      subjects: [partitionFilter('metrics', p)],
      count: expected.length,
    });
    await bus.drain();
    assert.deepEqual(
      got.map((m) => hostOfPartitionedSubject(m.subject)),
      expected,
    );
  });

  it('refuse a partition count outside [1, 1024]', () => {
    assert.throws(() => hostPartition('a', 0), { code: 'INVALID_OPTION' });
  });
});
