import type { NatsConnection } from '@nats-io/nats-core';
import { Kvm, type KV } from '@nats-io/kv';
import { InvalidOptionError } from '../errors.js';

export interface PartitionLeasesOptions {
  readonly connection: NatsConnection;
  /** KV bucket of the leases (default `partition-leases`). */
  readonly bucket?: string;
  readonly partitions: number;
  /** Unique per replica, e.g. `<hostname>-<pid>`. */
  readonly replicaId: string;
  /** A lease not renewed within this time is free for others, ms. */
  readonly ttlMs?: number;
  /** Start consuming `partitionFilter(root, p)` under `<name>-p<p>`. */
  readonly onAssigned: (partition: number) => Promise<void> | void;
  /** Stop consuming partition p (another replica may take it). */
  readonly onRevoked: (partition: number) => Promise<void> | void;
  /** Told about a failed round (KV unreachable); the next round retries. */
  readonly onError?: (error: unknown) => void;
}

export const DEFAULT_LEASE_BUCKET = 'partition-leases';
export const DEFAULT_LEASE_TTL_MS = 10_000;

const leaseKey = (partition: number) => `partition.${partition}`;
const replicaKey = (id: string) => `replica.${id}`;

/**
 * Splits N partitions among the live scorer replicas through a JetStream
 * KV bucket whose max age is the lease TTL (NATS 2.9 has no per-key TTL).
 * Every ttl/3 each replica writes a heartbeat, counts the live replicas,
 * renews its leases (compare-and-set on the revision), releases leases
 * above its fair share ceil(N / replicas) and claims free ones up to it.
 * A replica that goes away stops renewing; its partitions are taken over
 * within about one TTL, and the new owner resumes the partition's durable.
 *
 * FIXME: a replica stalled for longer than the TTL (GC pause, suspended
 * VM) keeps handling its partition until its next round notices the lost
 * lease, so for up to ttl/3 two replicas may score the same host; the
 * per-host state of the stalled one is then stale.
 */
export class PartitionLeases {
  private readonly revisions = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> = Promise.resolve();
  private stopped = false;

  private constructor(
    private readonly kv: KV,
    private readonly options: PartitionLeasesOptions,
    private readonly ttlMs: number,
  ) {}

  static async start(
    options: PartitionLeasesOptions,
  ): Promise<PartitionLeases> {
    const ttlMs = parseLeaseOptions(options);
    const kv = await new Kvm(options.connection).create(
      options.bucket ?? DEFAULT_LEASE_BUCKET,
      { ttl: ttlMs, history: 1 },
    );
    const leases = new PartitionLeases(kv, options, ttlMs);
    await leases.runRound();
    leases.schedule();
    return leases;
  }

  /** The partitions this replica owns now, ascending. */
  get owned(): readonly number[] {
    return [...this.revisions.keys()].sort((a, b) => a - b);
  }

  /** Releases every lease (revoking first) and stops renewing. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    await this.round;
    for (const partition of this.owned) await this.release(partition);
    await this.kv
      .delete(replicaKey(this.options.replicaId))
      .catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.runRound().finally(() => this.schedule());
    }, this.ttlMs / 3);
    this.timer.unref();
  }

  private async runRound(): Promise<void> {
    try {
      await this.kv.put(replicaKey(this.options.replicaId), `${Date.now()}`);
      const share = Math.ceil(
        this.options.partitions / (await this.liveReplicas()),
      );
      await this.renew();
      while (this.revisions.size > share)
        await this.release(this.owned.at(-1)!);
      await this.claim(share);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private async liveReplicas(): Promise<number> {
    let count = 0;
    for await (const key of await this.kv.keys('replica.*')) {
      if (key.startsWith('replica.')) count++;
    }
    return Math.max(1, count);
  }

  private async renew(): Promise<void> {
    for (const [partition, revision] of [...this.revisions]) {
      try {
        const next = await this.kv.update(
          leaseKey(partition),
          this.options.replicaId,
          revision,
        );
        this.revisions.set(partition, next);
      } catch {
        this.revisions.delete(partition);
        await this.options.onRevoked(partition);
      }
    }
  }

  private async claim(share: number): Promise<void> {
    for (let p = 0; p < this.options.partitions; p++) {
      if (this.revisions.size >= share) return;
      if (this.revisions.has(p)) continue;
      const revision = await this.tryClaim(p);
      if (revision === null) continue;
      this.revisions.set(p, revision);
      await this.options.onAssigned(p);
    }
  }

  /** Creates the lease, or adopts it when it already names this replica. */
  private async tryClaim(partition: number): Promise<number | null> {
    try {
      return await this.kv.create(leaseKey(partition), this.options.replicaId);
    } catch {
      const entry = await this.kv.get(leaseKey(partition));
      const mine =
        entry?.operation === 'PUT' && entry.string() === this.options.replicaId;
      return mine ? entry.revision : null;
    }
  }

  private async release(partition: number): Promise<void> {
    const revision = this.revisions.get(partition);
    this.revisions.delete(partition);
    await this.options.onRevoked(partition);
    if (revision === undefined) return;
    await this.kv
      .delete(leaseKey(partition), { previousSeq: revision })
      .catch(() => undefined);
  }
}

function parseLeaseOptions(options: PartitionLeasesOptions): number {
  const ttlMs = options.ttlMs ?? DEFAULT_LEASE_TTL_MS;
  if (!Number.isInteger(ttlMs) || ttlMs < 300) {
    throw new InvalidOptionError(
      `ttlMs ${ttlMs} is invalid: expected an integer >= 300`,
    );
  }
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(options.replicaId)) {
    throw new InvalidOptionError(
      `replicaId "${options.replicaId}" is invalid: expected letters, digits, - or _`,
    );
  }
  if (!Number.isInteger(options.partitions) || options.partitions < 1) {
    throw new InvalidOptionError(
      `partitions ${options.partitions} is invalid: expected an integer >= 1`,
    );
  }
  return ttlMs;
}
