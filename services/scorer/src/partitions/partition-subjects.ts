/**
 * How hosts are split among scorer replicas.
 *
 * NATS 2.9 has no stream subject transforms and no multi-filter consumers,
 * but its server-level subject mapping can append a deterministic
 * partition number, a hash of the host token:
 *
 *     mappings = { "metrics.*": "metrics.{{wildcard(1)}}.{{partition(8,1)}}" }
 *
 * Collectors keep publishing `metrics.<host>`; the server stores
 * `metrics.<host>.<k>` with k in [0, 8), the same k for a host every time.
 * The METRICS stream's `metrics.>` holds both forms, so a scorer without
 * partitions (local mode, one replica, no mapping) still reads everything.
 * Partition k is read by the durable `<durable>-p<k>` on `metrics.*.<k>`,
 * owned by one replica at a time (partition-leases.ts).
 *
 * FIXME: nothing checks that the server's mapping and the scorers agree.
 * Scorers with partitions against a server without the mapping, or with
 * fewer partitions than the mapping, leave some samples unconsumed (they
 * wait in METRICS, and the lag gauge grows); a check at start would
 * publish a probe and see which partition subject it lands on.
 */

/** The server config line that turns on `count` partitions. */
export function partitionMappingConfig(count: number): string {
  return (
    'mappings = { "metrics.*": ' +
    `"metrics.{{wildcard(1)}}.{{partition(${count},1)}}" }`
  );
}

/** The subject filter of partition `k`. */
export const partitionFilter = (k: number): string => `metrics.*.${k}`;

/** The durable consumer of partition `k`. */
export const partitionDurable = (durable: string, k: number): string =>
  `${durable}-p${k}`;

/** Without partitions one durable reads every metrics subject. */
export const ALL_METRICS_FILTER = 'metrics.>';

/**
 * The host token of `metrics.<host>` or `metrics.<host>.<k>`, or null
 * when the subject has another shape.
 */
export function hostOfMetricsSubject(subject: string): string | null {
  const parts = subject.split('.');
  if (parts[0] !== 'metrics') return null;
  if (parts.length === 2) return parts[1];
  if (parts.length === 3 && /^\d+$/.test(parts[2])) return parts[1];
  return null;
}

/** The partition of `metrics.<host>.<k>`, or -1 for an unmapped subject. */
export function partitionOfSubject(subject: string): number {
  const dot = subject.lastIndexOf('.');
  if (dot < 0 || subject.indexOf('.') === dot) return -1;
  const k = Number(subject.slice(dot + 1));
  return Number.isInteger(k) ? k : -1;
}
