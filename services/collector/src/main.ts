import {
  buildMetricsServer,
  connectNatsBus,
  createLogger,
  onShutdown,
  serveService,
  type Logger,
  type NatsBus,
} from '@hostwatch/transport';
import { Registry } from 'prom-client';

import { buildCollector } from './collector.js';
import { readConfig, type CollectorConfig } from './config.js';
import { CollectorStoppedError } from './errors.js';
import { buildReplay } from './replay/replay.js';

/**
 * FIXME: the first connect waits for NATS before sampling starts, so a
 * collector started while NATS is down has no samples from that time; only
 * outages after the first connect are buffered.
 *
 * The collector service: reads its settings, connects to NATS (creating
 * the METRICS stream with its limits when missing), serves `/metrics` and
 * `/healthz`, then samples this host, or replays COLLECTOR_REPLAY_FILE as
 * a live host, until SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const config = readConfigOrExit();
  const log = createLogger({ service: 'collector', level: config.logLevel });
  const registry = new Registry();
  const bus = await connectNatsBus({
    url: config.natsUrl,
    user: config.natsUser,
    pass: config.natsPass,
    token: config.natsToken,
    name: `collector-${config.host}`,
    streams: [config.stream],
    waitOnFirstConnect: true,
  });
  log.info(
    { url: config.natsUrl, stream: config.stream.name },
    'connected to NATS',
  );
  if (config.replay !== null) await runReplay(config, bus, registry, log);
  else await runCollector(config, bus, registry, log);
}

async function runCollector(
  config: CollectorConfig,
  bus: NatsBus,
  registry: Registry,
  log: Logger,
): Promise<void> {
  const collector = buildCollector({
    ...config,
    bus,
    registry,
    logger: log,
    sampler: {
      nvidiaSmiCommand: config.nvidiaSmi,
      procRoot: config.procRoot,
      sysRoot: config.sysRoot,
    },
  });
  const { address } = await serveService({
    name: 'collector',
    worker: collector,
    bus,
    registry,
    health: () => collector.health(),
    listen: { host: config.metricsHost, port: config.metricsPort },
    shutdown: { onStep: (step) => log.info(step, 'shutdown step done') },
  });
  log.info({ url: address.url }, 'serving /metrics and /healthz');
}

async function runReplay(
  config: CollectorConfig,
  bus: NatsBus,
  registry: Registry,
  log: Logger,
): Promise<void> {
  const replay = buildReplay({
    ...config,
    ...config.replay!,
    bus,
    registry,
    logger: log,
  });
  const server = buildMetricsServer({ registry, ready: () => bus.connected });
  await server.listen({ host: config.metricsHost, port: config.metricsPort });
  const shutdown = onShutdown([
    { name: 'replay', close: () => replay.stop() },
    { name: 'nats', close: () => bus.drain() },
    { name: 'http', close: () => server.close() },
  ]);
  try {
    await replay.run();
  } catch (error) {
    // A signal stopped the replay; the shutdown steps are already running.
    if (!(error instanceof CollectorStoppedError)) throw error;
  }
  await shutdown.shutdown();
}

function readConfigOrExit(): CollectorConfig {
  try {
    return readConfig(process.env, process.argv.slice(2));
  } catch (error) {
    createLogger({ service: 'collector' }).fatal(
      { err: error },
      'invalid configuration',
    );
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  createLogger({ service: 'collector' }).fatal(
    { err: error },
    'collector failed',
  );
  process.exit(1);
});
