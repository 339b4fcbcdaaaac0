import { jetstreamManager } from '@nats-io/jetstream';
import {
  buildMetricsServer,
  connectNatsBus,
  createLogger,
  onShutdown,
  openNatsModelStore,
} from '@hostwatch/transport';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { readConfig } from './config.js';
import { DEFAULT_LEASE_TTL_MS } from './options.js';
import { KvLeaseStore } from './partitions/lease-store.js';
import { buildScorer } from './scorer.js';

/** The METRICS stream, where the lag of the scorer's durables is read. */
const METRICS_STREAM = 'METRICS';

/**
 * Starts a scorer replica: connects to NATS, opens the model store (and
 * the lease bucket when partitioned), serves /metrics, /healthz and
 * /readyz, and on SIGTERM stops consuming (in-flight results are
 * published and acked), drains NATS and closes the HTTP server.
 */
async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger({ service: 'scorer', level: config.logLevel });
  const bus = await connectNatsBus({
    url: config.natsUrl,
    user: config.natsUser,
    pass: config.natsPass,
    name: 'scorer',
    waitOnFirstConnect: true,
  });
  const jsm = await jetstreamManager(bus.connection);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'scorer_' });
  const partitioned = (config.scorer.partitions ?? 0) > 0;
  const scorer = buildScorer({
    bus,
    registry,
    log,
    models: await openNatsModelStore(bus.connection, {
      bucket: config.modelBucket,
    }),
    leases: partitioned
      ? await KvLeaseStore.open(
          bus.connection,
          config.scorer.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS,
        )
      : undefined,
    consumerLag: async (durable) =>
      (await jsm.consumers.info(METRICS_STREAM, durable)).num_pending,
    options: config.scorer,
  });
  const server = buildMetricsServer({
    registry,
    health: () => ({ status: bus.connected ? 'ok' : 'degraded' }),
    ready: () => ({ ready: scorer.ready, detail: readiness(scorer.ready) }),
  });
  onShutdown(
    [
      { name: 'scorer', close: () => scorer.stop() },
      { name: 'nats', close: () => bus.drain() },
      { name: 'http', close: () => server.close() },
    ],
    { onStep: (step) => log.info(step, 'shutdown step') },
  );
  const address = await server.listen({
    host: config.metricsHost,
    port: config.metricsPort,
  });
  await scorer.start();
  log.info({ metrics: address.url, nats: config.natsUrl }, 'scorer running');
}

function readiness(ready: boolean): string {
  return ready ? 'models loaded, consuming' : 'loading models';
}

main().catch((err: unknown) => {
  // The logger may not exist yet (a bad setting): write one JSON line.
  process.stderr.write(
    `${JSON.stringify({ level: 60, msg: 'scorer failed to start', err: String(err) })}\n`,
  );
  process.exit(1);
});
