import type { Registry } from 'prom-client';
import type { Bus } from '../bus/bus.js';
import type { BusStatus } from '../bus/bus-status.js';
import {
  buildMetricsServer,
  type BoundAddress,
  type HealthReport,
  type ListenOptions,
} from '../http/metrics-server.js';
import {
  onShutdown,
  type ShutdownControl,
  type ShutdownOptions,
} from './shutdown.js';

/** The part of a service that consumes: started first, stopped first. */
export interface ServiceWorker {
  start(): Promise<void>;
  stop(): Promise<unknown>;
}

export interface ServeServiceOptions {
  /** Names the worker's shutdown step, e.g. `alerter`. */
  readonly name: string;
  readonly worker: ServiceWorker;
  /** Drained on shutdown; `/readyz` is ready while it is connected. */
  readonly bus: Bus & BusStatus;
  readonly registry: Registry;
  readonly health?: () => HealthReport;
  readonly listen: ListenOptions;
  /** Passed to `onShutdown`, e.g. `onStep` for the service to log. */
  readonly shutdown?: ShutdownOptions;
}

export interface ServedService {
  readonly address: BoundAddress;
  readonly shutdown: ShutdownControl;
}

/**
 * The end of a consuming service's `main.ts`, once its worker is built:
 * `/metrics`, `/healthz` and `/readyz` on `listen`, the worker started,
 * and SIGINT/SIGTERM wired to stop the worker, drain the bus and close the
 * server, in that order. Logs nothing: the service logs the address.
 */
export async function serveService(
  options: ServeServiceOptions,
): Promise<ServedService> {
  const { worker, bus } = options;
  const server = buildMetricsServer({
    registry: options.registry,
    health: options.health,
    ready: () => bus.connected,
  });
  await worker.start();
  const address = await server.listen(options.listen);
  const steps = [
    { name: options.name, close: () => worker.stop().then(() => undefined) },
    { name: 'nats', close: () => bus.drain() },
    { name: 'http', close: () => server.close() },
  ];
  return { address, shutdown: onShutdown(steps, options.shutdown) };
}
