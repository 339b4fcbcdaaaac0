import type { BoundAddress } from '@hostwatch/transport';
import {
  SERVICE_NAMES,
  type LocalConfig,
  type ServiceName,
} from '../config.js';
import { LocalModeError } from '../errors.js';
import type { LocalServices } from './build-services.js';

export type ServiceAddresses = Readonly<Record<ServiceName, BoundAddress>>;

/** Binds each service's `/metrics` server, one after another. */
export async function listenAll(
  services: LocalServices,
  config: LocalConfig,
): Promise<ServiceAddresses> {
  const bound: Partial<Record<ServiceName, BoundAddress>> = {};
  for (const name of SERVICE_NAMES) {
    bound[name] = await listenOne(services, config, name);
  }
  return bound as ServiceAddresses;
}

async function listenOne(
  services: LocalServices,
  config: LocalConfig,
  name: ServiceName,
): Promise<BoundAddress> {
  const port = config.metricsPorts[name];
  try {
    return await services.servers[name].listen({
      host: config.metricsHost,
      port,
    });
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    throw new LocalModeError(
      'PORT_TAKEN',
      `port ${port} for the ${name}'s /metrics on ${config.metricsHost} ` +
        `is taken: set ${name.toUpperCase()}_METRICS_PORT ` +
        'to a free port (0 picks one)',
      { cause: error },
    );
  }
}

function isAddressInUse(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EADDRINUSE';
}
