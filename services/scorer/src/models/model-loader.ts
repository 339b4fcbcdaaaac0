import type { Logger } from 'pino';
import { ModelRefusedError } from '../errors.js';
import type { ScorerMetrics } from '../metrics/scorer-metrics.js';
import { decodeModel } from './decode-model.js';
import type { ModelCatalog } from './model-catalog.js';
import { FLEET_MODEL_NAME } from './model-catalog.js';

/**
 * Where trained model sets are stored: the JetStream object store in a
 * fleet (`host/<host>`, `fleet/default`), memory in tests and local mode.
 */
export interface ModelSource {
  list(): Promise<readonly { readonly name: string }[]>;
  /** The stored object, null when it is gone. */
  get(name: string): Promise<Uint8Array | null>;
  /** Calls `callback` for every model put or deleted from now on. */
  watch(
    callback: (change: { readonly name: string }) => void,
  ): Promise<{ stop(): Promise<void> }>;
}

/** Names the scorer loads; other objects in the store are not models. */
export function isModelName(name: string): boolean {
  return name === FLEET_MODEL_NAME || /^host\/[A-Za-z0-9_-]{1,128}$/.test(name);
}

/**
 * Keeps the catalog in step with the store: loads every model at start,
 * then reloads one whenever it changes. A model that cannot be used is
 * refused with one error log line, and the previous version stays.
 * Loads run one after another, in the order the changes were seen.
 */
export class ModelLoader {
  private watch: { stop(): Promise<void> } | null = null;
  private queue: Promise<void> = Promise.resolve();
  private isLoaded = false;

  constructor(
    private readonly source: ModelSource,
    private readonly catalog: ModelCatalog,
    private readonly metrics: ScorerMetrics,
    private readonly log: Logger,
  ) {}

  get loaded(): boolean {
    return this.isLoaded;
  }

  async start(): Promise<void> {
    this.watch = await this.source.watch((change) => this.enqueue(change.name));
    for (const { name } of await this.source.list()) this.enqueue(name);
    await this.queue;
    this.isLoaded = true;
    this.log.info({ models: this.catalog.names }, 'models loaded');
  }

  async stop(): Promise<void> {
    await this.watch?.stop();
    this.watch = null;
    await this.queue;
  }

  /** Resolves once every change seen so far is applied (for tests). */
  settled(): Promise<void> {
    return this.queue;
  }

  private enqueue(name: string): void {
    if (!isModelName(name)) return;
    this.queue = this.queue.then(() => this.load(name));
  }

  private async load(name: string): Promise<void> {
    try {
      const raw = await this.source.get(name);
      if (raw === null) {
        if (this.catalog.remove(name))
          this.log.info({ model: name }, 'model removed');
        return;
      }
      const model = decodeModel(name, raw);
      if (this.catalog.get(name)?.id === model.id) return;
      this.catalog.install(name, model);
      this.metrics.modelLoads.labels('loaded').inc();
      this.log.info(
        { model: name, version: model.id, members: model.members },
        'model loaded',
      );
    } catch (err) {
      this.refused(name, err);
    }
  }

  private refused(name: string, err: unknown): void {
    this.metrics.modelLoads.labels('refused').inc();
    const previous = this.catalog.get(name)?.id ?? null;
    const reason =
      err instanceof ModelRefusedError
        ? err.message
        : `model "${name}" unreadable`;
    this.log.error({ err, model: name, keeping: previous }, reason);
  }
}
