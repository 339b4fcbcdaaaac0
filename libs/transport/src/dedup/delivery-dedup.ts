/** Sequences remembered per stream before the oldest are forgotten. */
export const DEFAULT_DEDUP_CAPACITY = 20_000;

/** One delivery already handled: its stream (e.g. a host) and sequence. */
export type Delivery = readonly [stream: string, seq: number];

interface StreamWindow {
  /** Every sequence at or below it counts as seen. */
  floor: number;
  /** Seen sequences above the floor, oldest first (insertion order). */
  readonly seqs: Set<number>;
}

/**
 * Which sequences of each stream (a host, or a host and kind) were already
 * handled, so that a message JetStream delivers again is handled once. A
 * set and not a high-water mark: after a crash JetStream redelivers the
 * unacked messages only once their ack wait ran out, after later ones, so a
 * lower sequence arriving late can still be new.
 *
 * FIXME: past `capacity` sequences per stream the oldest are folded into
 * the floor and count as seen. A message unacked at a crash and
 * redelivered only after more than `capacity` newer ones of its stream
 * would be dropped; at the default that takes a replay of thousands of
 * messages per second per stream.
 */
export class DeliveryDedup {
  private readonly streams = new Map<string, StreamWindow>();

  constructor(private readonly capacity = DEFAULT_DEDUP_CAPACITY) {}

  /**
   * The deliveries read back from the end of a service's output, oldest
   * first. Sequences of a stream below the first one read count as seen:
   * the start of the output was not read.
   */
  static rebuilt(
    deliveries: Iterable<Delivery>,
    capacity = DEFAULT_DEDUP_CAPACITY,
  ): DeliveryDedup {
    const dedup = new DeliveryDedup(capacity);
    const first = new Map<string, number>();
    for (const [stream, seq] of deliveries) {
      first.set(stream, Math.min(seq, first.get(stream) ?? Infinity));
      dedup.add(stream, seq);
    }
    for (const [stream, seq] of first) dedup.seenBelow(stream, seq);
    return dedup;
  }

  has(stream: string, seq: number): boolean {
    const window = this.streams.get(stream);
    if (window === undefined) return false;
    return seq <= window.floor || window.seqs.has(seq);
  }

  add(stream: string, seq: number): void {
    const window = this.windowOf(stream);
    if (seq <= window.floor || window.seqs.has(seq)) return;
    window.seqs.add(seq);
    if (window.seqs.size > this.capacity) this.forgetOldest(window);
  }

  /**
   * Counts everything below `seq` as seen, for a stream rebuilt from the
   * end of a file whose start was not read.
   */
  seenBelow(stream: string, seq: number): void {
    const window = this.windowOf(stream);
    window.floor = Math.max(window.floor, seq - 1);
  }

  private windowOf(stream: string): StreamWindow {
    let window = this.streams.get(stream);
    if (window === undefined) {
      window = { floor: -Infinity, seqs: new Set() };
      this.streams.set(stream, window);
    }
    return window;
  }

  private forgetOldest(window: StreamWindow): void {
    const oldest = window.seqs.values().next().value;
    if (oldest === undefined) return;
    window.seqs.delete(oldest);
    window.floor = Math.max(window.floor, oldest);
  }
}
