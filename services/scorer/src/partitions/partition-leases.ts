import type { LeaseStore } from './lease-store.js';

/** Starts and stops the consumer of one partition. */
export interface PartitionConsumers {
  start(partition: number): Promise<void>;
  /** Resolves once its in-flight messages are handled and acked. */
  stop(partition: number): Promise<void>;
}

export interface PartitionLeasesOptions {
  readonly partitions: number;
  readonly replicaId: string;
  readonly ttlMs: number;
}

/** What the leases tell the service about (to log and count). */
export interface PartitionLeaseEvents {
  onChange(owned: readonly number[]): void;
  onError(error: unknown): void;
}

const PRESENCE_PREFIX = 'replica.';
const PARTITION_PREFIX = 'partition.';

/**
 * Splits partitions among live replicas, each consumed by one replica at
 * a time. Every replica announces itself (`replica.<id>`) and every
 * `ttlMs / 3` it
 *
 * 1. lists the live replicas and computes the same assignment as every
 *    other: partition k belongs to the (k mod n)-th id in sorted order;
 * 2. renews the leases it holds; one it lost stops its consumer;
 * 3. gives up partitions assigned elsewhere: stops the consumer, waits
 *    for the in-flight messages to be acked, then deletes the lease;
 * 4. claims the partitions assigned to it whose lease is free (released,
 *    or expired because its holder stopped renewing) and starts their
 *    consumers, which continue from the durable's unacked messages.
 *
 * A killed replica's partitions move one TTL later; its delivered but
 * unacked messages come back after the consumer's ack wait.
 *
 * FIXME: a replica stalled for longer than the TTL (a long GC pause, a
 * frozen VM) may still finish a message after its lease moved: that
 * sample is scored twice, and the second result is dropped only by the
 * SCORES stream's duplicate window (msgId host:seq).
 */
export class PartitionLeases {
  private readonly held = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private presence: number | null = null;
  private stopped = false;

  constructor(
    private readonly store: LeaseStore,
    private readonly consumers: PartitionConsumers,
    private readonly options: PartitionLeasesOptions,
    private readonly events: PartitionLeaseEvents,
  ) {}

  get owned(): number[] {
    return [...this.held.keys()].sort((a, b) => a - b);
  }

  async start(): Promise<void> {
    await this.tick();
    const every = Math.max(100, Math.floor(this.options.ttlMs / 3));
    this.timer = setInterval(() => void this.tick(), every);
  }

  /** Stops every consumer and releases every lease at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearInterval(this.timer);
    await this.ticking;
    for (const partition of this.owned) await this.giveUp(partition);
    const presence = this.presence;
    if (presence !== null) {
      await this.store.release(this.presenceKey(), presence);
    }
  }

  /** One round; a round still running makes this one a no-op. */
  tick(): Promise<void> {
    if (this.ticking !== null || this.stopped) return Promise.resolve();
    this.ticking = this.round()
      .catch((error: unknown) => this.events.onError(error))
      .finally(() => (this.ticking = null));
    return this.ticking;
  }

  private async round(): Promise<void> {
    const before = this.owned.join(',');
    const id = this.options.replicaId;
    this.presence = await this.store.announce(this.presenceKey(), id);
    const assigned = this.assignment(await this.liveReplicas());
    await this.renewAll();
    for (const partition of this.owned) {
      if (!assigned.has(partition)) await this.giveUp(partition);
    }
    for (const partition of assigned) {
      if (!this.held.has(partition)) await this.tryClaim(partition);
    }
    if (this.owned.join(',') !== before) this.events.onChange(this.owned);
  }

  private async liveReplicas(): Promise<string[]> {
    const keys = await this.store.held(PRESENCE_PREFIX);
    const ids = keys.map((key) => key.slice(PRESENCE_PREFIX.length));
    if (!ids.includes(this.options.replicaId)) {
      ids.push(this.options.replicaId);
    }
    return ids.sort();
  }

  private assignment(replicas: readonly string[]): Set<number> {
    const mine = new Set<number>();
    const self = replicas.indexOf(this.options.replicaId);
    for (let k = 0; k < this.options.partitions; k++) {
      if (k % replicas.length === self) mine.add(k);
    }
    return mine;
  }

  private async renewAll(): Promise<void> {
    const id = this.options.replicaId;
    for (const [partition, revision] of this.held) {
      const key = partitionKey(partition);
      const renewed = await this.store.renew(key, id, revision);
      if (renewed !== null) {
        this.held.set(partition, renewed);
        continue;
      }
      this.held.delete(partition);
      await this.consumers.stop(partition);
    }
  }

  private async tryClaim(partition: number): Promise<void> {
    const key = partitionKey(partition);
    const revision = await this.store.claim(key, this.options.replicaId);
    if (revision === null) return;
    this.held.set(partition, revision);
    try {
      await this.consumers.start(partition);
    } catch (error) {
      this.held.delete(partition);
      await this.store.release(key, revision);
      throw error;
    }
  }

  private async giveUp(partition: number): Promise<void> {
    const revision = this.held.get(partition);
    await this.consumers.stop(partition);
    this.held.delete(partition);
    if (revision !== undefined) {
      await this.store.release(partitionKey(partition), revision);
    }
  }

  private presenceKey(): string {
    return `${PRESENCE_PREFIX}${this.options.replicaId}`;
  }
}

const partitionKey = (partition: number): string =>
  `${PARTITION_PREFIX}${partition}`;
