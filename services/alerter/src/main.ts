import {
  connectNatsBus,
  createLogger,
  serveService,
} from '@hostwatch/transport';
import { hostname } from 'node:os';
import { Registry } from 'prom-client';
import type { WebhookSettings } from './alerter-options.js';
import { buildAlerter } from './alerter-service.js';
import { DesktopChannel } from './channels/desktop-channel.js';
import { readConfig, type AlerterConfig } from './config.js';

/** The alerter as a process: NATS in, notifications out, /metrics. */
async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger({ service: 'alerter', level: config.logLevel });
  const registry = new Registry();
  const bus = await connectNatsBus({
    url: config.natsUrl,
    user: config.natsUser,
    pass: config.natsPass,
    name: `alerter-${hostname()}`,
  });
  const alerter = buildAlerter({
    ...config,
    bus,
    registry,
    log,
    desktop: config.desktop ? new DesktopChannel() : null,
    webhook: webhookOf(config),
  });
  const { address } = await serveService({
    name: 'alerter',
    worker: alerter,
    bus,
    registry,
    health: () => ({
      status: alerter.writable ? 'ok' : 'degraded',
      checks: { journal: { ok: alerter.writable, detail: alerter.alertsPath } },
    }),
    listen: { host: config.metricsHost, port: config.metricsPort },
    shutdown: { onStep: (step) => log.info(step, 'shutdown step') },
  });
  log.info({ metrics: address.url, desktop: config.desktop }, 'listening');
}

function webhookOf(config: AlerterConfig): WebhookSettings | null {
  if (config.webhookUrl === undefined) return null;
  return {
    url: config.webhookUrl,
    attempts: config.webhookAttempts,
    backoffMs: config.webhookBackoffMs,
  };
}

main().catch((error: unknown) => {
  process.exitCode = 1;
  process.stderr.write(`alerter failed to start: ${String(error)}\n`);
});
