import { openDirectoryModelStore, type Logger } from '@hostwatch/transport';
import type { ServiceName } from './config.js';
import type { LocalConfig } from './config.js';
import {
  buildServices,
  type LocalServices,
} from './services/build-services.js';
import { listenAll, type ServiceAddresses } from './services/listen-all.js';
import {
  openTransport,
  type LocalTransport,
} from './transport/open-transport.js';

/** The pipeline of this host, running. */
export interface LocalMode {
  readonly transport: LocalTransport;
  readonly services: LocalServices;
  readonly addresses: ServiceAddresses;
  /** Every step of a clean stop, in order, for `onShutdown`. */
  readonly shutdownSteps: readonly {
    readonly name: string;
    close(): Promise<void>;
  }[];
}

/**
 * Opens the transport, builds the four services on it and starts them
 * consumers first (logger, alerter, scorer), the collector last, so the
 * first sample already has somewhere to go.
 */
export async function startLocalMode(
  config: LocalConfig,
  logFor: (service: ServiceName) => Logger,
): Promise<LocalMode> {
  const transport = await openTransport(config);
  const models = await openDirectoryModelStore(config.modelsDir);
  const services = buildServices({
    bus: transport.bus,
    config,
    models,
    logFor,
  });
  const steps = shutdownSteps(transport, services);
  try {
    const addresses = await listenAll(services, config);
    await startServices(services);
    return { transport, services, addresses, shutdownSteps: steps };
  } catch (error) {
    for (const step of steps) await step.close().catch(() => undefined);
    throw error;
  }
}

async function startServices(services: LocalServices): Promise<void> {
  await services.logger.start();
  await services.alerter.start();
  await services.scorer.start();
  await services.collector.start();
}

/**
 * Producer first: the collector stops sampling, the scorer finishes what
 * it holds, the alerter and the logger (CSV flushed, summary written)
 * after it; then the bus drains and the HTTP servers close.
 */
function shutdownSteps(transport: LocalTransport, services: LocalServices) {
  const { servers } = services;
  return [
    { name: 'collector', close: () => services.collector.stop() },
    { name: 'scorer', close: () => services.scorer.stop() },
    { name: 'alerter', close: () => services.alerter.stop() },
    {
      name: 'logger',
      close: async () => void (await services.logger.stop()),
    },
    { name: 'transport', close: () => transport.close() },
    {
      name: 'http',
      close: async () => {
        await Promise.all(Object.values(servers).map((s) => s.close()));
      },
    },
  ];
}
