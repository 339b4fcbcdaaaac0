import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../errors.js';
import {
  readLogLevel,
  readMetricsSettings,
  readNatsSettings,
} from './service-settings.js';

function namesVariable(variable: string) {
  return (error: unknown) =>
    error instanceof ConfigError && error.variable === variable;
}

test('unset settings fall back to local NATS, localhost and info', () => {
  assert.deepEqual(readNatsSettings({}), {
    natsUrl: 'nats://127.0.0.1:4222',
    natsUser: undefined,
    natsPass: undefined,
  });
  assert.deepEqual(readMetricsSettings({}, 9103), {
    metricsHost: '127.0.0.1',
    metricsPort: 9103,
  });
  assert.equal(readLogLevel({}), 'info');
});

test('set settings are read and checked', () => {
  const env = {
    NATS_URL: 'tls://nats:4443',
    NATS_USER: 'u',
    NATS_PASS: 'p',
    METRICS_HOST: '0.0.0.0',
    METRICS_PORT: '0',
    LOG_LEVEL: 'silent',
  };
  assert.deepEqual(readNatsSettings(env), {
    natsUrl: 'tls://nats:4443',
    natsUser: 'u',
    natsPass: 'p',
  });
  assert.deepEqual(readMetricsSettings(env, 9103), {
    metricsHost: '0.0.0.0',
    metricsPort: 0,
  });
  assert.equal(readLogLevel(env), 'silent');
});

test('a bad value names its variable', () => {
  const nats = () => readNatsSettings({ NATS_URL: 'http://x' });
  assert.throws(nats, namesVariable('NATS_URL'));
  const port = () => readMetricsSettings({ METRICS_PORT: '70000' }, 1);
  assert.throws(port, namesVariable('METRICS_PORT'));
  assert.throws(
    () => readLogLevel({ LOG_LEVEL: 'loud' }),
    namesVariable('LOG_LEVEL'),
  );
});
