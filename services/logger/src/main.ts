import {
  connectNatsBus,
  createLogger,
  serveService,
} from '@hostwatch/transport';
import { hostname } from 'node:os';
import { Registry } from 'prom-client';
import { readConfig } from './config.js';
import { buildLogger } from './logger-service.js';

/** The logger as a process: NATS in, CSV out, /metrics, clean shutdown. */
async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger({ service: 'logger', level: config.logLevel });
  const registry = new Registry();
  const bus = await connectNatsBus({
    url: config.natsUrl,
    user: config.natsUser,
    pass: config.natsPass,
    name: `logger-${hostname()}`,
  });
  const logger = buildLogger({ ...config, bus, registry, log });
  const { address } = await serveService({
    name: 'logger',
    worker: logger,
    bus,
    registry,
    health: () => ({
      status: logger.writable ? 'ok' : 'degraded',
      checks: { csv: { ok: logger.writable, detail: logger.csvPath } },
    }),
    listen: { host: config.metricsHost, port: config.metricsPort },
    shutdown: { onStep: (step) => log.info(step, 'shutdown step') },
  });
  log.info({ metrics: address.url }, 'listening');
}

main().catch((error: unknown) => {
  process.exitCode = 1;
  process.stderr.write(`logger failed to start: ${String(error)}\n`);
});
