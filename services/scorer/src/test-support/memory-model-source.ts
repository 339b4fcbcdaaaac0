import type { ModelSource } from '../models/model-loader.js';

/** Model objects in memory, with change notification, for unit tests. */
export class MemoryModelSource implements ModelSource {
  private readonly objects = new Map<string, Uint8Array | string>();
  private readonly listeners = new Set<(name: string) => void>();

  put(name: string, value: Uint8Array | string): void {
    this.objects.set(name, value);
    for (const listener of this.listeners) listener(name);
  }

  delete(name: string): void {
    this.objects.delete(name);
    for (const listener of this.listeners) listener(name);
  }

  list(): Promise<readonly string[]> {
    return Promise.resolve([...this.objects.keys()]);
  }

  get(name: string): Promise<Uint8Array | string | null> {
    return Promise.resolve(this.objects.get(name) ?? null);
  }

  watch(listener: (name: string) => void): Promise<() => Promise<void>> {
    this.listeners.add(listener);
    return Promise.resolve(() => {
      this.listeners.delete(listener);
      return Promise.resolve();
    });
  }
}
