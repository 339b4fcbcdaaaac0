import {
  connectNatsBus,
  metricsSubject,
  sampleMessageId,
} from '@hostwatch/transport';
import type { Bus, MetricSample, NatsBus } from '@hostwatch/transport';
import { startNatsServer } from '@hostwatch/transport/testing';
import type { NatsServerHandle } from '@hostwatch/transport/testing';
import { Registry } from 'prom-client';
import type { ModelSource } from '../models/model-loader.js';
import type { ScorerOptions } from '../options.js';
import { KvLeaseStore } from '../partitions/lease-store.js';
import { partitionMappingConfig } from '../partitions/partition-subjects.js';
import { buildScorer } from '../scorer.js';
import type { Scorer } from '../scorer.js';
import { captureLog } from './log-capture.js';

let connections = 0;

/** A nats-server on a free port, mapped into `partitions` when > 0. */
export function startServer(partitions = 0): Promise<NatsServerHandle> {
  return startNatsServer(
    partitions > 0 ? { config: partitionMappingConfig(partitions) } : {},
  );
}

export function connect(server: NatsServerHandle): Promise<NatsBus> {
  return connectNatsBus({ url: server.url, name: `test-${++connections}` });
}

export interface TestReplica {
  readonly scorer: Scorer;
  readonly bus: NatsBus;
  readonly registry: Registry;
  readonly lines: Record<string, unknown>[];
  /** Hosts this replica published a result for. */
  scoredHosts(): Promise<Set<string>>;
  /** Results this replica published. */
  resultCount(): Promise<number>;
  stop(): Promise<void>;
}

/** A scorer with its own connection, as a separate replica would have. */
export async function startReplica(
  server: NatsServerHandle,
  models: ModelSource,
  options: ScorerOptions,
): Promise<TestReplica> {
  const bus = await connect(server);
  const registry = new Registry();
  const { log, lines } = captureLog();
  const leases =
    (options.partitions ?? 0) > 0
      ? await KvLeaseStore.open(bus.connection, options.leaseTtlMs ?? 10_000)
      : undefined;
  const scorer = buildScorer({
    bus,
    models,
    registry,
    log,
    leases,
    options,
  });
  await scorer.start();
  return {
    scorer,
    bus,
    registry,
    lines,
    scoredHosts: () => scoredHosts(registry),
    resultCount: () => resultCount(registry),
    stop: async () => {
      await scorer.stop();
      await bus.drain();
    },
  };
}

async function scoredHosts(registry: Registry): Promise<Set<string>> {
  const metric = registry.getSingleMetric('scorer_drift_flag');
  const values = (await metric?.get())?.values ?? [];
  return new Set(values.map((value) => String(value.labels.host)));
}

async function resultCount(registry: Registry): Promise<number> {
  const metric = registry.getSingleMetric('scorer_samples_total');
  const values = (await metric?.get())?.values ?? [];
  return values.reduce((sum, value) => sum + value.value, 0);
}

/** Publishes samples as a collector does (msgId host:seq), in order. */
export async function publishSamples(
  bus: Bus,
  samples: readonly MetricSample[],
): Promise<void> {
  const inFlight: Promise<void>[] = [];
  for (const sample of samples) {
    inFlight.push(
      bus.publish(metricsSubject(sample.host), sample, {
        msgId: sampleMessageId(sample.host, sample.seq),
      }),
    );
    if (inFlight.length >= 256) await Promise.all(inFlight.splice(0));
  }
  await Promise.all(inFlight);
}
