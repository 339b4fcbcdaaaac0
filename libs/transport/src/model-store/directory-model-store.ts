import {
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { TransportError } from '../errors.js';
import { MemoryModelStore } from './memory-model-store.js';
import {
  assertModelName,
  encodeModel,
  type ModelContent,
  type ModelInfo,
} from './model-store.js';

/**
 * Models as files under a directory (`<dir>/host/<host>`,
 * `<dir>/fleet/default`), for the embedded local mode: the lab's models
 * survive restarts without NATS. Open with `openDirectoryModelStore()`,
 * which loads what is there.
 *
 * FIXME: `watch` sees only the puts made through this instance; a model
 * written by another process (the lab's CLI beside a running scorer) is
 * picked up on the next open, not live. Use the NATS store for that.
 */
export class DirectoryModelStore extends MemoryModelStore {
  private constructor(private readonly dir: string) {
    super();
  }

  static async open(dir: string): Promise<DirectoryModelStore> {
    const store = new DirectoryModelStore(dir);
    await mkdir(dir, { recursive: true });
    for (const file of await listFiles(dir)) await store.load(file);
    return store;
  }

  override async put(name: string, content: ModelContent): Promise<ModelInfo> {
    assertModelName(name);
    const bytes = encodeModel(content);
    const path = join(this.dir, name);
    await mkdir(dirname(path), { recursive: true });
    // Write then rename, so a reader never sees half a model.
    await writeFile(`${path}.tmp`, bytes);
    await rename(`${path}.tmp`, path);
    return this.store(name, bytes);
  }

  override async delete(name: string): Promise<boolean> {
    const existed = await super.delete(name);
    await rm(join(this.dir, name), { force: true });
    return existed;
  }

  private async load(path: string): Promise<void> {
    const name = relative(this.dir, path).split(sep).join('/');
    if (name.endsWith('.tmp')) return;
    try {
      assertModelName(name);
    } catch (error) {
      throw new TransportError(
        'MODEL_STORE',
        `file "${path}" is not a model: expected a name like host/<host>`,
        error,
      );
    }
    const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
    this.remember(name, new Uint8Array(bytes), info.mtimeMs);
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

export function openDirectoryModelStore(
  dir: string,
): Promise<DirectoryModelStore> {
  return DirectoryModelStore.open(dir);
}
