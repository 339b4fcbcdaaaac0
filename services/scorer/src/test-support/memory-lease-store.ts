import type { LeaseStore } from '../partitions/lease-store.js';

interface Entry {
  readonly owner: string;
  readonly revision: number;
  readonly writtenAt: number;
}

/**
 * The KV lease semantics in memory for unit tests: entries vanish `ttlMs`
 * after their last write by the injected clock; writes compare revisions.
 */
export class MemoryLeaseStore implements LeaseStore {
  private readonly entries = new Map<string, Entry>();
  private revision = 0;
  now = 0;

  constructor(private readonly ttlMs: number) {}

  claim(key: string, owner: string): Promise<number | null> {
    if (this.live(key) !== undefined) return Promise.resolve(null);
    return Promise.resolve(this.write(key, owner));
  }

  renew(key: string, owner: string, revision: number): Promise<number | null> {
    if (this.live(key)?.revision !== revision) return Promise.resolve(null);
    return Promise.resolve(this.write(key, owner));
  }

  release(key: string, revision: number): Promise<void> {
    if (this.live(key)?.revision === revision) this.entries.delete(key);
    return Promise.resolve();
  }

  announce(key: string, owner: string): Promise<number> {
    return Promise.resolve(this.write(key, owner));
  }

  held(prefix: string): Promise<string[]> {
    const keys = [...this.entries.keys()].filter(
      (key) => key.startsWith(prefix) && this.live(key) !== undefined,
    );
    return Promise.resolve(keys);
  }

  /** The owner of a key, if it is held now. */
  ownerOf(key: string): string | undefined {
    return this.live(key)?.owner;
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || this.now - entry.writtenAt < this.ttlMs) {
      return entry;
    }
    this.entries.delete(key);
    return undefined;
  }

  private write(key: string, owner: string): number {
    const revision = ++this.revision;
    this.entries.set(key, { owner, revision, writtenAt: this.now });
    return revision;
  }
}
