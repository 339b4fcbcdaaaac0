import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '@hostwatch/transport';
import { readConfig } from './config.js';
import { LocalModeError } from './errors.js';
import { startLocalMode } from './local-mode.js';

const silent = () => createLogger({ service: 'test', level: 'silent' });

describe('startLocalMode', () => {
  let dir: string;
  let taken: Server;
  let takenPort: number;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hostwatch-local-'));
    taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    takenPort = (taken.address() as { port: number }).port;
  });
  after(async () => {
    taken.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a taken port, naming the variable that moves it', async () => {
    const config = readConfig({
      HOSTWATCH_DATA_DIR: dir,
      PATH: '/usr/bin',
      COLLECTOR_METRICS_PORT: '0',
      SCORER_METRICS_PORT: String(takenPort),
    });

    await assert.rejects(
      startLocalMode(config, silent),
      (error: unknown) =>
        error instanceof LocalModeError &&
        error.code === 'PORT_TAKEN' &&
        error.message.includes('SCORER_METRICS_PORT'),
    );
  });

  it('serves each /metrics on 127.0.0.1 over the in-process bus', async () => {
    const config = readConfig({
      HOSTWATCH_DATA_DIR: dir,
      PATH: '/usr/bin',
      COLLECTOR_METRICS_PORT: '0',
      SCORER_METRICS_PORT: '0',
      ALERTER_METRICS_PORT: '0',
      LOGGER_METRICS_PORT: '0',
      ALERT_DESKTOP: 'off',
    });
    const mode = await startLocalMode(config, silent);
    try {
      assert.equal(mode.transport.kind, 'embedded');
      for (const address of Object.values(mode.addresses)) {
        assert.equal(address.host, '127.0.0.1');
        const response = await fetch(`${address.url}/metrics`);
        assert.equal(response.status, 200);
      }
      const scorer = await fetch(`${mode.addresses.scorer.url}/metrics`);
      assert.match(await scorer.text(), /^# HELP scorer_/m);
    } finally {
      for (const step of mode.shutdownSteps) await step.close();
    }
  });
});
