import type { NatsConnection, QueuedIterator } from '@nats-io/nats-core';
import {
  Objm,
  StorageType,
  type ObjectInfo,
  type ObjectStore,
  type ObjectWatchInfo,
} from '@nats-io/obj';
import { TransportError } from '../errors.js';
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

export interface NatsModelStoreOptions {
  /** Object store bucket (default `models`). */
  readonly bucket?: string;
  /** Bucket size limit, bytes (default 1 GiB). */
  readonly maxBytes?: number;
}

export const DEFAULT_MODEL_BUCKET = 'models';
export const DEFAULT_MODEL_BUCKET_MAX_BYTES = 1024 * 1024 * 1024;

/** Opens (creating if missing) the JetStream object store of models. */
export async function openNatsModelStore(
  connection: NatsConnection,
  options: NatsModelStoreOptions = {},
): Promise<ModelStore> {
  const bucket = options.bucket ?? DEFAULT_MODEL_BUCKET;
  try {
    const store = await new Objm(connection).create(bucket, {
      storage: StorageType.File,
      max_bytes: options.maxBytes ?? DEFAULT_MODEL_BUCKET_MAX_BYTES,
      description: 'hostwatch trained models',
    });
    return new NatsModelStore(store);
  } catch (error) {
    throw new TransportError(
      'MODEL_STORE',
      `object store "${bucket}" could not be opened: ${String(error)}`,
      error,
    );
  }
}

function toModelInfo(info: ObjectInfo): ModelInfo {
  return {
    name: info.name,
    size: info.size,
    modifiedAt: Date.parse(info.mtime),
    digest: info.digest,
  };
}

/** Models in a JetStream object store: durable, seen by every scorer. */
class NatsModelStore implements ModelStore {
  constructor(private readonly store: ObjectStore) {}

  async put(name: string, content: ModelContent): Promise<ModelInfo> {
    assertModelName(name);
    const info = await this.store.putBlob({ name }, encodeModel(content));
    return toModelInfo(info);
  }

  async get(name: string): Promise<Uint8Array | null> {
    assertModelName(name);
    const bytes = await this.store.getBlob(name);
    // The client hands back a Buffer; callers get a plain Uint8Array view.
    return bytes === null
      ? null
      : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async getJson(name: string): Promise<unknown> {
    const bytes = await this.get(name);
    return bytes === null ? null : decodeModelJson(name, bytes);
  }

  async delete(name: string): Promise<boolean> {
    assertModelName(name);
    const info = await this.store.info(name);
    if (info === null || info.deleted) return false;
    await this.store.delete(name);
    return true;
  }

  async list(): Promise<ModelInfo[]> {
    const all = await this.store.list();
    return all.filter((info) => !info.deleted).map(toModelInfo);
  }

  async watch(
    callback: ModelWatchCallback,
    options: WatchOptions = {},
  ): Promise<ModelWatch> {
    const iterator = await this.store.watch({
      includeHistory: options.includeExisting ?? false,
    });
    const loop = forward(iterator, callback, options);
    return {
      stop: async () => {
        iterator.stop();
        await loop;
      },
    };
  }
}

async function forward(
  iterator: QueuedIterator<ObjectWatchInfo>,
  callback: ModelWatchCallback,
  options: WatchOptions,
): Promise<void> {
  for await (const info of iterator) {
    const change: ModelChange = {
      name: info.name,
      info: info.deleted ? null : toModelInfo(info),
    };
    await deliverChange(callback, change, options);
  }
}
