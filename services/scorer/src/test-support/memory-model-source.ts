import type { ModelSource } from '../models/model-loader.js';

const encoder = new TextEncoder();

/** Model objects in memory, with change notification, for unit tests. */
export class MemoryModelSource implements ModelSource {
  private readonly objects = new Map<string, Uint8Array>();
  private readonly listeners = new Set<(change: { name: string }) => void>();

  put(name: string, value: Uint8Array | string): void {
    const bytes = typeof value === 'string' ? encoder.encode(value) : value;
    this.objects.set(name, bytes);
    for (const listener of this.listeners) listener({ name });
  }

  delete(name: string): void {
    this.objects.delete(name);
    for (const listener of this.listeners) listener({ name });
  }

  list(): Promise<{ name: string }[]> {
    return Promise.resolve([...this.objects.keys()].map((name) => ({ name })));
  }

  get(name: string): Promise<Uint8Array | null> {
    return Promise.resolve(this.objects.get(name) ?? null);
  }

  watch(
    listener: (change: { name: string }) => void,
  ): Promise<{ stop(): Promise<void> }> {
    this.listeners.add(listener);
    const stop = () => {
      this.listeners.delete(listener);
      return Promise.resolve();
    };
    return Promise.resolve({ stop });
  }
}
