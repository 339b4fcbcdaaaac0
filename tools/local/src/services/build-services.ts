import { buildAlerter, DesktopChannel } from '@hostwatch/alerter';
import type { AlerterConfig, AlerterService } from '@hostwatch/alerter';
import { buildCollector, type Collector } from '@hostwatch/collector';
import { buildLogger, type LoggerService } from '@hostwatch/logger';
import { buildScorer, type Scorer } from '@hostwatch/scorer';
import {
  buildMetricsServer,
  type Bus,
  type Logger,
  type MetricsServer,
  type ModelStore,
} from '@hostwatch/transport';
import { Registry } from 'prom-client';
import type { LocalConfig, ServiceName } from '../config.js';

/** The four services on one bus, each with its registry and server. */
export interface LocalServices {
  readonly collector: Collector;
  readonly scorer: Scorer;
  readonly alerter: AlerterService;
  readonly logger: LoggerService;
  readonly servers: Readonly<Record<ServiceName, MetricsServer>>;
}

export interface ServiceDeps {
  readonly bus: Bus;
  readonly config: LocalConfig;
  readonly models: ModelStore;
  /** Each service's logger, named for it. */
  readonly logFor: (service: ServiceName) => Logger;
}

/** Builds the services exactly as their own `main.ts` would, unstarted. */
export function buildServices(deps: ServiceDeps): LocalServices {
  const registries = {
    collector: new Registry(),
    scorer: new Registry(),
    alerter: new Registry(),
    logger: new Registry(),
  };
  const collector = buildLocalCollector(deps, registries.collector);
  const scorer = buildScorer({
    bus: deps.bus,
    registry: registries.scorer,
    log: childOf(deps, 'scorer'),
    models: deps.models,
    options: deps.config.scorer.scorer,
  });
  const alerter = buildLocalAlerter(deps, registries.alerter);
  const logger = buildLogger({
    ...deps.config.logger,
    bus: deps.bus,
    registry: registries.logger,
    log: childOf(deps, 'logger'),
  });
  const servers = {
    collector: buildMetricsServer({
      registry: registries.collector,
      health: () => collector.health(),
    }),
    scorer: buildMetricsServer({
      registry: registries.scorer,
      ready: () => scorer.ready,
    }),
    alerter: buildMetricsServer({ registry: registries.alerter }),
    logger: buildMetricsServer({ registry: registries.logger }),
  };
  return { collector, scorer, alerter, logger, servers };
}

function childOf(deps: ServiceDeps, service: ServiceName): Logger {
  return deps.logFor(service);
}

function buildLocalCollector(deps: ServiceDeps, registry: Registry) {
  const config = deps.config.collector;
  return buildCollector({
    ...config,
    bus: deps.bus,
    registry,
    logger: childOf(deps, 'collector'),
    sampler: {
      nvidiaSmiCommand: config.nvidiaSmi,
      procRoot: config.procRoot,
      sysRoot: config.sysRoot,
    },
  });
}

function buildLocalAlerter(deps: ServiceDeps, registry: Registry) {
  const config: AlerterConfig = deps.config.alerter;
  return buildAlerter({
    ...config,
    bus: deps.bus,
    registry,
    log: childOf(deps, 'alerter'),
    desktop: config.desktop ? new DesktopChannel() : null,
    webhook:
      config.webhookUrl === undefined
        ? null
        : {
            url: config.webhookUrl,
            attempts: config.webhookAttempts,
            backoffMs: config.webhookBackoffMs,
          },
  });
}
