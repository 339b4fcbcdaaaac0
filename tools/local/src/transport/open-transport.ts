import {
  connectNatsBus,
  DEFAULT_STREAMS,
  InProcessBus,
  type Bus,
  type NatsBusOptions,
  type StreamSpec,
} from '@hostwatch/transport';
import type { LocalConfig } from '../config.js';
import { findOnPath } from './find-on-path.js';
import { startNatsServerProcess } from './nats-server-process.js';

/** How local mode reached its bus, in the order it tries them. */
export type TransportKind = 'nats-url' | 'nats-server' | 'embedded';

export interface LocalTransport {
  readonly kind: TransportKind;
  readonly bus: Bus;
  /** The NATS URL in use; null when embedded. */
  readonly url: string | null;
  /** Drains the bus, then stops the nats-server local mode started. */
  close(): Promise<void>;
}

/**
 * `NATS_URL` when set; else a `nats-server` on the PATH, started with
 * JetStream and its store under `data/nats`; else the in-process bus.
 */
export async function openTransport(
  config: LocalConfig,
): Promise<LocalTransport> {
  if (config.natsUrl !== undefined) {
    const bus = await connectNatsBus(natsOptions(config, config.natsUrl));
    return { kind: 'nats-url', bus, url: config.natsUrl, close: drainer(bus) };
  }
  const binary = findOnPath('nats-server', config.path);
  if (binary === null) return embedded();
  const server = await startNatsServerProcess({
    binary,
    storeDir: config.natsStoreDir,
  });
  try {
    const bus = await connectNatsBus(natsOptions(config, server.url));
    const close = async () => {
      await bus.drain();
      await server.stop();
    };
    return { kind: 'nats-server', bus, url: server.url, close };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

function natsOptions(config: LocalConfig, url: string): NatsBusOptions {
  return {
    url,
    user: config.natsUser,
    pass: config.natsPass,
    name: `hostwatch-local-${config.collector.host}`,
    streams: pipelineStreams(config),
  };
}

/** Every stream of the pipeline, METRICS with the collector's limits. */
function pipelineStreams(config: LocalConfig): readonly StreamSpec[] {
  const metrics = config.collector.stream;
  return DEFAULT_STREAMS.map((s) => (s.name === metrics.name ? metrics : s));
}

function embedded(): LocalTransport {
  const bus = new InProcessBus();
  return { kind: 'embedded', bus, url: null, close: drainer(bus) };
}

function drainer(bus: Bus): () => Promise<void> {
  return () => bus.drain();
}
