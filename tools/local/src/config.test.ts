import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError } from '@hostwatch/transport';
import { DEFAULT_DATA_DIR, readConfig } from './config.js';

describe('readConfig', () => {
  it('writes into the repository data folder on the default ports', () => {
    const config = readConfig({ PATH: '/usr/bin' });

    assert.equal(
      DEFAULT_DATA_DIR,
      resolve(import.meta.dirname, '../../../data'),
    );
    assert.equal(config.natsUrl, undefined);
    assert.equal(
      config.logger.csvPath,
      join(DEFAULT_DATA_DIR, 'performance_log.csv'),
    );
    assert.equal(
      config.alerter.alertsPath,
      join(DEFAULT_DATA_DIR, 'alerts.jsonl'),
    );
    assert.equal(config.modelsDir, join(DEFAULT_DATA_DIR, 'models'));
    assert.equal(config.natsStoreDir, join(DEFAULT_DATA_DIR, 'nats'));
    assert.equal(config.metricsHost, '127.0.0.1');
    assert.deepEqual(config.scorer.scorer.onlineDetectors, [
      'isolation_forest',
      'local_outlier_factor',
      'one_class_svm',
    ]);
    assert.deepEqual(config.metricsPorts, {
      collector: 9101,
      scorer: 9102,
      alerter: 9103,
      logger: 9104,
    });
  });

  it('takes relative paths from the current folder', () => {
    const config = readConfig({
      HOSTWATCH_DATA_DIR: 'here',
      ALERTS_FILE: 'a/alerts.jsonl',
    });

    assert.equal(config.dataDir, resolve('here'));
    assert.equal(config.alerter.alertsPath, resolve('a/alerts.jsonl'));
    assert.equal(config.logger.csvPath, resolve('here/performance_log.csv'));
  });

  it('passes the services their own settings', () => {
    const config = readConfig({
      NATS_URL: 'nats://127.0.0.1:5555',
      SCORER_WARMUP: '30s',
      METRICS_PORT: '7000',
    });

    assert.equal(config.natsUrl, 'nats://127.0.0.1:5555');
    assert.equal(config.scorer.scorer.warmupMs, 30_000);
    assert.equal(config.metricsPorts.scorer, 9102);
  });

  it('refuses a bad port, naming the variable', () => {
    assert.throws(
      () => readConfig({ LOGGER_METRICS_PORT: '70000' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.variable === 'LOGGER_METRICS_PORT',
    );
  });

  it('refuses a NATS_URL that is not nats://', () => {
    assert.throws(
      () => readConfig({ NATS_URL: 'http://x' }),
      (error: unknown) =>
        error instanceof ConfigError && error.variable === 'NATS_URL',
    );
  });
});
