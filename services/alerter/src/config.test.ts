import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '@hostwatch/transport';
import { readConfig } from './config.js';

test('defaults: 10 s cooldown, no webhook, localhost metrics', () => {
  const config = readConfig({}, 'linux');
  assert.equal(config.cooldownMs, 10_000);
  assert.equal(config.webhookUrl, undefined);
  assert.equal(config.metricsHost, '127.0.0.1');
  assert.equal(config.alertsPath, 'data/alerts.jsonl');
});

test('desktop notifications follow the session unless forced', () => {
  assert.equal(readConfig({}, 'linux').desktop, false);
  assert.equal(readConfig({ DISPLAY: ':0' }, 'linux').desktop, true);
  assert.equal(readConfig({ ALERT_DESKTOP: 'off' }, 'darwin').desktop, false);
});

test('a webhook URL must be http or https', () => {
  const env = { ALERT_WEBHOOK_URL: 'http://127.0.0.1:9/hook' };
  assert.equal(readConfig(env, 'linux').webhookUrl, env.ALERT_WEBHOOK_URL);
  assert.throws(
    () => readConfig({ ALERT_WEBHOOK_URL: 'ftp://x' }, 'linux'),
    ConfigError,
  );
});

test('a bad cooldown names the variable and stops the alerter', () => {
  assert.throws(
    () => readConfig({ ALERT_COOLDOWN: 'soon' }, 'linux'),
    (error: unknown) =>
      error instanceof ConfigError && error.variable === 'ALERT_COOLDOWN',
  );
});
