import { InvalidOptionError } from '../errors.js';

/**
 * Host partitioning for scorer replicas on NATS 2.9 (optional; the scorer
 * decides whether to use it). Per-host state needs every sample of a host
 * on one replica, so the server maps `metrics.<host>` deterministically
 * onto `metrics.<host>.<p>` with p in [0, N):
 *
 *   mappings = { "metrics.*": "metrics.{{wildcard(1)}}.{{partition(N,1)}}" }
 *
 * (`partitionMappingConfig('metrics', N)` writes that line for a server
 * config), and a replica that owns partition p consumes
 * `partitionFilter('metrics', p)` = `metrics.*.<p>` under its own durable
 * (`scorer-p<p>`), so a partition's position survives the replica. Who
 * owns which partition: `PartitionLeases`. `hostPartition()` computes the
 * server's choice (FNV-1a 32 of the host token, mod N), and
 * `partitionSubjectMapper()` applies it on the InProcessBus.
 *
 * Publishers keep publishing on `metrics.<host>`; consumers that want
 * every host keep `metrics.>`.
 */
export function hostPartition(host: string, partitions: number): number {
  assertPartitions(partitions);
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(host)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

export function partitionMappingConfig(
  root: string,
  partitions: number,
): string {
  assertPartitions(partitions);
  return (
    `mappings = { "${root}.*": ` +
    `"${root}.{{wildcard(1)}}.{{partition(${partitions},1)}}" }`
  );
}

export function partitionFilter(root: string, partition: number): string {
  return `${root}.*.${partition}`;
}

/** The host of `metrics.<host>.<p>`, or null for another shape. */
export function hostOfPartitionedSubject(subject: string): string | null {
  const parts = subject.split('.');
  return parts.length === 3 && /^\d+$/.test(parts[2]) ? parts[1] : null;
}

/** The server mapping as a function, for `InProcessBus({ mapSubject })`. */
export function partitionSubjectMapper(
  root: string,
  partitions: number,
): (subject: string) => string {
  assertPartitions(partitions);
  const prefix = `${root}.`;
  return (subject) => {
    if (!subject.startsWith(prefix)) return subject;
    const host = subject.slice(prefix.length);
    if (host.includes('.')) return subject;
    return `${subject}.${hostPartition(host, partitions)}`;
  };
}

function assertPartitions(partitions: number): void {
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > 1024) {
    throw new InvalidOptionError(
      `partitions ${partitions} is invalid: expected an integer in [1, 1024]`,
    );
  }
}
