import { FEATURE_ORDER } from '@hostwatch/detectors';
import type { Bus, BusMessage } from '@hostwatch/transport';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { HostScorer } from './host/host-scorer.js';
import type { ModelBinding } from './host/host-state.js';
import { SampleIntake } from './intake/sample-intake.js';
import { createRejectionSink } from './intake/rejection-sink.js';
import { ResultRecorder } from './metrics/result-recorder.js';
import { ScorerMetrics } from './metrics/scorer-metrics.js';
import { ModelCatalog } from './models/model-catalog.js';
import { ModelLoader } from './models/model-loader.js';
import type { ModelSource } from './models/model-loader.js';
import { createOnlineFit } from './online/online-fit.js';
import { ScorerOptionError } from './errors.js';
import { parseScorerOptions } from './options.js';
import type { ParsedScorerOptions, ScorerOptions } from './options.js';
import type { LeaseStore } from './partitions/lease-store.js';
import { PartitionLeases } from './partitions/partition-leases.js';
import {
  ALL_PARTITIONS,
  MetricsConsumers,
} from './pipeline/metrics-consumers.js';
import { SampleHandler } from './pipeline/sample-handler.js';

/** What a scorer is built from; `main.ts` and the tests provide it. */
export interface ScorerDeps {
  readonly bus: Bus;
  readonly models: ModelSource;
  readonly registry: Registry;
  readonly log: Logger;
  /** Required when `options.partitions > 0`. */
  readonly leases?: LeaseStore;
  /** Messages not yet delivered per durable, for the lag gauge. */
  readonly consumerLag?: (durable: string) => Promise<number>;
  readonly options?: ScorerOptions;
}

export interface Scorer {
  readonly options: ParsedScorerOptions;
  /** Loads the models, starts the model watch and the consumers. */
  start(): Promise<void>;
  /** Stops consuming (in-flight results are published and acked). */
  stop(): Promise<void>;
  /** Models loaded and consumers running: the readiness probe. */
  readonly ready: boolean;
  /** Partitions consumed now (`[-1]` without partitions). */
  readonly partitions: readonly number[];
  readonly hosts: HostScorer;
  readonly catalog: ModelCatalog;
}

const LAG_POLL_MS = 5_000;

/** Builds a scorer without starting it. */
export function buildScorer(deps: ScorerDeps): Scorer {
  const options = parseScorerOptions(deps.options, FEATURE_ORDER);
  const log = deps.log.child({ component: 'scorer' });
  const metrics = new ScorerMetrics(deps.registry);
  const catalog = new ModelCatalog();
  const recorder = new ResultRecorder(metrics);
  const hosts = new HostScorer(catalog, options, createOnlineFit(options), {
    onFitError: (host, err) => log.warn({ err, host }, 'online fit failed'),
    onModelBound: (host, binding: ModelBinding, source) => {
      recorder.bindModel(host, binding.model);
      log.debug({ host, model: binding.version, source }, 'model bound');
    },
  });
  const rejections = createRejectionSink(
    deps.bus,
    metrics,
    log,
    options.service,
  );
  const intake = new SampleIntake(options.maxFutureMs, rejections);
  const handler = new SampleHandler(deps.bus, intake, hosts, recorder);
  const consumers = new MetricsConsumers(
    deps.bus,
    handler.handle,
    options,
    (err: unknown, message: BusMessage) =>
      log.warn({ err, subject: message.subject }, 'sample not scored, retried'),
    (partition) => {
      for (const host of hosts.forgetPartition(partition))
        recorder.forget(host);
    },
  );
  const loader = new ModelLoader(deps.models, catalog, metrics, log);
  return new RunningScorer(options, deps, log, metrics, {
    catalog,
    hosts,
    consumers,
    loader,
  });
}

interface Parts {
  readonly catalog: ModelCatalog;
  readonly hosts: HostScorer;
  readonly consumers: MetricsConsumers;
  readonly loader: ModelLoader;
}

class RunningScorer implements Scorer {
  readonly catalog: ModelCatalog;
  readonly hosts: HostScorer;
  private leases: PartitionLeases | null = null;
  private lagTimer: NodeJS.Timeout | null = null;
  private started = false;

  constructor(
    readonly options: ParsedScorerOptions,
    private readonly deps: ScorerDeps,
    private readonly log: Logger,
    private readonly metrics: ScorerMetrics,
    private readonly parts: Parts,
  ) {
    this.catalog = parts.catalog;
    this.hosts = parts.hosts;
  }

  get ready(): boolean {
    return this.started && this.parts.loader.loaded;
  }

  get partitions(): readonly number[] {
    if (this.leases !== null) return this.leases.owned;
    return this.started ? [ALL_PARTITIONS] : [];
  }

  async start(): Promise<void> {
    await this.parts.loader.start();
    if (this.options.partitions === 0) {
      await this.parts.consumers.start(ALL_PARTITIONS);
    } else {
      this.leases = this.partitionLeases();
      await this.leases.start();
    }
    this.started = true;
    this.lagTimer = setInterval(() => void this.pollGauges(), LAG_POLL_MS);
    this.log.info(
      { replica: this.options.replicaId, partitions: this.partitions },
      'scorer started',
    );
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.lagTimer !== null) clearInterval(this.lagTimer);
    await this.leases?.stop();
    await this.parts.consumers.stopAll();
    await this.parts.loader.stop();
  }

  private partitionLeases(): PartitionLeases {
    if (this.deps.leases === undefined) {
      throw new ScorerOptionError(
        'partitions',
        this.options.partitions,
        '0 unless a lease store is given (deps.leases)',
      );
    }
    return new PartitionLeases(
      this.deps.leases,
      this.parts.consumers,
      {
        partitions: this.options.partitions,
        replicaId: this.options.replicaId,
        ttlMs: this.options.leaseTtlMs,
      },
      {
        onChange: (owned) => {
          this.metrics.partitions.set(owned.length);
          this.log.info({ owned }, 'partitions reassigned');
        },
        onError: (err) =>
          this.log.warn({ err }, 'partition lease round failed'),
      },
    );
  }

  private async pollGauges(): Promise<void> {
    const modes = this.hosts.modes();
    for (const [mode, count] of Object.entries(modes)) {
      this.metrics.hosts.labels(mode).set(count);
    }
    const lag = this.deps.consumerLag;
    if (lag === undefined) return;
    for (const durable of this.parts.consumers.durables) {
      try {
        this.metrics.consumerLag.labels(durable).set(await lag(durable));
      } catch (err) {
        this.log.debug({ err, durable }, 'consumer lag unavailable');
      }
    }
  }
}
