import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '@hostwatch/transport';
import { readConfig } from './config.js';

test('defaults bind metrics to localhost and log to data/', () => {
  const config = readConfig({});
  assert.equal(config.metricsHost, '127.0.0.1');
  assert.equal(config.csvPath, 'data/performance_log.csv');
  assert.equal(config.flushRows, 10);
  assert.equal(config.flushIntervalMs, 1_000);
});

test('a bad value names the variable and stops the logger', () => {
  assert.throws(
    () => readConfig({ LOGGER_FLUSH_ROWS: '0' }),
    (error: unknown) =>
      error instanceof ConfigError && error.variable === 'LOGGER_FLUSH_ROWS',
  );
});
