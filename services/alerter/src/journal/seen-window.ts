/** Sequences remembered per stream before the oldest are forgotten. */
export const DEFAULT_SEEN_CAPACITY = 20_000;

interface StreamWindow {
  /** Every sequence at or below it counts as seen. */
  floor: number;
  /** Seen sequences above the floor, oldest first (insertion order). */
  readonly seqs: Set<number>;
}

/**
 * Which sequences of each stream (`kind:host`) were already alerted. A set and
 * not a high-water mark: after a crash JetStream redelivers the unacked
 * messages only once their ack wait ran out, after later ones, so a lower
 * sequence arriving late can still be new.
 *
 * TODO(transport): the logger keeps the same class; it belongs in
 * @hostwatch/transport beside the bus.
 *
 * FIXME: past `capacity` sequences per stream the oldest are folded into
 * the floor and count as seen. An event unacked at a crash and redelivered
 * only after more than `capacity` newer events of its host and kind would
 * be dropped.
 */
export class SeenWindow {
  private readonly streams = new Map<string, StreamWindow>();

  constructor(private readonly capacity = DEFAULT_SEEN_CAPACITY) {}

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
