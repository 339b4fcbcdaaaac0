import { Kvm } from '@nats-io/kv';
import type { KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/nats-core';

/**
 * Keys that vanish unless renewed: partition claims and replica presence.
 * Every write is compare-and-set on the key's revision, so two replicas
 * can never both believe they hold one key.
 */
export interface LeaseStore {
  /** Takes `key` if nobody holds it: its revision, or null if held. */
  claim(key: string, owner: string): Promise<number | null>;
  /** Renews a held key: the new revision, or null when it was lost. */
  renew(key: string, owner: string, revision: number): Promise<number | null>;
  /** Gives a held key up at once instead of letting it expire. */
  release(key: string, revision: number): Promise<void>;
  /** Writes `key` unconditionally (presence); its new revision. */
  announce(key: string, owner: string): Promise<number>;
  /** Keys under `prefix` that are held now. */
  held(prefix: string): Promise<string[]>;
}

export const DEFAULT_LEASE_BUCKET = 'scorer_leases';

const encoder = new TextEncoder();

/**
 * Leases in a JetStream KV bucket whose entries expire `ttlMs` after
 * their last write (the bucket's max age): a replica that stops renewing
 * loses its keys one TTL later, and a survivor can claim them.
 */
export class KvLeaseStore implements LeaseStore {
  private constructor(private readonly kv: KV) {}

  static async open(
    connection: NatsConnection,
    ttlMs: number,
    bucket = DEFAULT_LEASE_BUCKET,
  ): Promise<KvLeaseStore> {
    const kv = await new Kvm(connection).create(bucket, {
      ttl: ttlMs,
      history: 1,
    });
    return new KvLeaseStore(kv);
  }

  async claim(key: string, owner: string): Promise<number | null> {
    try {
      return await this.kv.create(key, encoder.encode(owner));
    } catch {
      return null;
    }
  }

  async renew(
    key: string,
    owner: string,
    revision: number,
  ): Promise<number | null> {
    try {
      return await this.kv.update(key, encoder.encode(owner), revision);
    } catch {
      return null;
    }
  }

  async release(key: string, revision: number): Promise<void> {
    try {
      await this.kv.delete(key, { previousSeq: revision });
    } catch {
      // Taken over or expired already: nothing left to give up.
    }
  }

  announce(key: string, owner: string): Promise<number> {
    return this.kv.put(key, encoder.encode(owner));
  }

  async held(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const key of await this.kv.keys(`${prefix}>`)) keys.push(key);
    const live: string[] = [];
    for (const key of keys) {
      const entry = await this.kv.get(key);
      if (entry !== null && entry.operation === 'PUT') live.push(key);
    }
    return live;
  }
}
