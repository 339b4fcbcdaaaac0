import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError } from '@hostwatch/transport';

import { readConfig } from './config.js';

function rejects(env: Record<string, string>, variable: string) {
  assert.throws(
    () => readConfig(env),
    (err: unknown) =>
      err instanceof ConfigError &&
      err.variable === variable &&
      err.message.includes(variable),
  );
}

describe('readConfig', () => {
  it('has defaults for everything', () => {
    const config = readConfig({});
    assert.equal(config.intervalMs, 1_000);
    assert.equal(config.topN, 5);
    assert.equal(config.replay, null);
    assert.equal(config.stream.name, 'METRICS');
    assert.match(config.host, /^[A-Za-z0-9_-]+$/);
  });

  it('reads settings and the stream limits', () => {
    const config = readConfig({
      NATS_URL: 'nats://nats:4222',
      COLLECTOR_HOST: 'web-01',
      COLLECTOR_INTERVAL: '5s',
      COLLECTOR_STREAM_MAX_AGE: '2h',
      COLLECTOR_NVIDIA_SMI: 'off',
    });
    assert.equal(config.natsUrl, 'nats://nats:4222');
    assert.equal(config.host, 'web-01');
    assert.equal(config.intervalMs, 5_000);
    assert.equal(config.stream.maxAgeMs, 7_200_000);
    assert.equal(config.nvidiaSmi, null);
  });

  it('stops on a bad value, naming the variable', () => {
    rejects({ NATS_URL: 'http://x' }, 'NATS_URL');
    rejects({ COLLECTOR_HOST: 'a.b' }, 'COLLECTOR_HOST');
    rejects({ COLLECTOR_INTERVAL: 'soon' }, 'COLLECTOR_INTERVAL');
    rejects({ COLLECTOR_TOP_N: '-1' }, 'COLLECTOR_TOP_N');
    rejects({ METRICS_PORT: '70000' }, 'METRICS_PORT');
    rejects(
      { COLLECTOR_REPLAY_FILE: 'a.csv', COLLECTOR_REPLAY_SPEED: '0' },
      'COLLECTOR_REPLAY_SPEED',
    );
  });

  it('takes replay flags from the command line over the environment', () => {
    const config = readConfig({ COLLECTOR_HOST: 'env-host' }, [
      '--replay',
      'x.csv',
      '--speed',
      'max',
      '--host',
      'sim-1',
      '--loop',
    ]);
    assert.equal(config.host, 'sim-1');
    assert.deepEqual(config.replay, {
      file: 'x.csv',
      speed: 'max',
      loop: true,
    });
  });
});
