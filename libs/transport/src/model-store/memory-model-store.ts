import { createHash } from 'node:crypto';
import {
  assertModelName,
  decodeModelJson,
  deliverChange,
  encodeModel,
  type ModelChange,
  type ModelContent,
  type ModelInfo,
  type ModelStore,
  type ModelWatch,
  type ModelWatchCallback,
  type WatchOptions,
} from './model-store.js';

interface StoredModel {
  readonly bytes: Uint8Array;
  readonly info: ModelInfo;
}

export function modelDigest(bytes: Uint8Array): string {
  return `SHA-256=${createHash('sha256').update(bytes).digest('base64url')}`;
}

/** A watcher: changes queue up and are delivered one at a time. */
class Watcher {
  private chain: Promise<void> = Promise.resolve();
  stopped = false;

  constructor(
    private readonly callback: ModelWatchCallback,
    private readonly options: WatchOptions,
  ) {}

  push(change: ModelChange): void {
    this.chain = this.chain.then(async () => {
      if (!this.stopped) {
        await deliverChange(this.callback, change, this.options);
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.chain;
  }
}

/**
 * Models in memory, for the embedded local mode and tests: the lab's
 * `put` reaches the scorer's `watch` in the same process. Nothing survives
 * the process; `DirectoryModelStore` keeps them on disk.
 */
export class MemoryModelStore implements ModelStore {
  private readonly models = new Map<string, StoredModel>();
  private readonly watchers = new Set<Watcher>();

  put(name: string, content: ModelContent): Promise<ModelInfo> {
    return new Promise((resolve) => resolve(this.store(name, content)));
  }

  get(name: string): Promise<Uint8Array | null> {
    assertModelName(name);
    return Promise.resolve(this.models.get(name)?.bytes ?? null);
  }

  async getJson(name: string): Promise<unknown> {
    const bytes = await this.get(name);
    return bytes === null ? null : decodeModelJson(name, bytes);
  }

  delete(name: string): Promise<boolean> {
    assertModelName(name);
    const existed = this.models.delete(name);
    if (existed) this.notify({ name, info: null });
    return Promise.resolve(existed);
  }

  list(): Promise<ModelInfo[]> {
    return Promise.resolve([...this.models.values()].map((m) => m.info));
  }

  watch(
    callback: ModelWatchCallback,
    options: WatchOptions = {},
  ): Promise<ModelWatch> {
    const watcher = new Watcher(callback, options);
    if (options.includeExisting === true) {
      for (const { info } of this.models.values()) {
        watcher.push({ name: info.name, info });
      }
    }
    this.watchers.add(watcher);
    const watchers = this.watchers;
    return Promise.resolve({
      stop: () => {
        watchers.delete(watcher);
        return watcher.stop();
      },
    });
  }

  /** Keeps a model without notifying (used to load from disk). */
  protected remember(name: string, bytes: Uint8Array, modifiedAt: number) {
    const info = {
      name,
      size: bytes.length,
      modifiedAt,
      digest: modelDigest(bytes),
    };
    this.models.set(name, { bytes, info });
    return info;
  }

  protected store(name: string, content: ModelContent): ModelInfo {
    assertModelName(name);
    const info = this.remember(name, encodeModel(content), Date.now());
    this.notify({ name, info });
    return info;
  }

  private notify(change: ModelChange): void {
    for (const watcher of this.watchers) watcher.push(change);
  }
}
