import Fastify, { type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { InvalidOptionError } from '../errors.js';

/** What `/healthz` reports: 503 when `status` is `failing`. */
export interface HealthReport {
  readonly status: 'ok' | 'degraded' | 'failing';
  /** Per-component state, e.g. `{ nats: { ok: false, detail: '...' } }`. */
  readonly checks?: Readonly<Record<string, HealthCheck>>;
}

export interface HealthCheck {
  readonly ok: boolean;
  readonly detail?: string;
}

/** What `/readyz` reports: 503 unless `ready`. */
export interface ReadyReport {
  readonly ready: boolean;
  readonly detail?: string;
}

export interface MetricsServerOptions {
  /** The service's own registry (never prom-client's global one). */
  readonly registry: Registry;
  readonly health?: () => HealthReport;
  readonly ready?: () => boolean | ReadyReport;
}

export interface ListenOptions {
  readonly host?: string;
  /** 0 binds a free port; the bound one is returned. */
  readonly port: number;
}

export interface BoundAddress {
  readonly host: string;
  readonly port: number;
  /** `http://host:port` */
  readonly url: string;
}

export interface MetricsServer {
  /** The fastify app: `inject()` in tests, or add a service's routes. */
  readonly app: FastifyInstance;
  listen(options: ListenOptions): Promise<BoundAddress>;
  close(): Promise<void>;
}

export const DEFAULT_METRICS_HOST = '0.0.0.0';

/**
 * The HTTP side every service has: `/metrics` for Prometheus, `/healthz`
 * (alive) and `/readyz` (connected and serving). Built apart from
 * listening, so tests use `app.inject()`. Logs nothing.
 */
export function buildMetricsServer(
  options: MetricsServerOptions,
): MetricsServer {
  const app = Fastify({ logger: false });
  const health = options.health ?? (() => ({ status: 'ok' as const }));
  const ready = options.ready ?? (() => true);
  app.get('/metrics', async (_request, reply) => {
    const body = await options.registry.metrics();
    return reply.type(options.registry.contentType).send(body);
  });
  app.get('/healthz', (_request, reply) => {
    const report = health();
    return reply.code(report.status === 'failing' ? 503 : 200).send(report);
  });
  app.get('/readyz', (_request, reply) => {
    const report = toReadyReport(ready());
    return reply.code(report.ready ? 200 : 503).send(report);
  });
  return {
    app,
    listen: (listen) => listenOn(app, listen),
    close: () => app.close(),
  };
}

function toReadyReport(value: boolean | ReadyReport): ReadyReport {
  return typeof value === 'boolean' ? { ready: value } : value;
}

async function listenOn(
  app: FastifyInstance,
  options: ListenOptions,
): Promise<BoundAddress> {
  const { port } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidOptionError(
      `port ${port} is invalid: expected an integer in [0, 65535]`,
    );
  }
  const host = options.host ?? DEFAULT_METRICS_HOST;
  await app.listen({ host, port });
  const address = app.server.address();
  const bound =
    typeof address === 'object' && address !== null ? address.port : port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return { host, port: bound, url: `http://${shown}:${bound}` };
}
