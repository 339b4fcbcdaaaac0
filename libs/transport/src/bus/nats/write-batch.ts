/** The longest an ack waits for a write to ride along with, ms. */
export const DEFAULT_ACK_DELAY_MS = 20;

/**
 * Acks that go out at the end of the turn without waiting for a write.
 * A consumer with nothing to publish (the logger, the alerter) would
 * otherwise stop for the whole ack delay each time its in-flight window
 * filled: NatsBus consume ran 3,000 msg/s at 64 in flight and 45,000 at
 * 1,024, about 21 ms a window either way. A fleet of 64 messages within
 * 20 ms is already 3,200 msg/s, where one write per 64 acks costs little.
 */
export const DEFAULT_ACK_BATCH = 64;

/**
 * Socket writes held back to the end of the event-loop turn. nats.js
 * flushes its outbound buffer in a microtask after the first command of a
 * burst, so a publish or ack made from each handler's own microtask became
 * its own socket write: on loopback each write also runs the server's TCP
 * receive path, ~1/5 of a scorer's CPU at 2 writes a message. Commands
 * queued here are issued together from `setImmediate`, in order, and leave
 * in one write. The delay is one turn of the loop (microseconds when idle).
 *
 * Acks (`deferAck`) wait longer, for the next such write or at most
 * `ackDelayMs`: at a low rate each message is alone in its turn, and its
 * ack would cost a second write (~100 µs on a busy 2-core machine) that
 * the next message's result can carry instead. Nothing waits on an ack,
 * so only a crash in that window costs anything: the message comes back
 * after the ack wait and its results are deduplicated by message id.
 * Once `ackBatch` acks wait, they leave at the end of the turn.
 */
export class WriteBatch {
  private queue: (() => void)[] = [];
  private scheduled = false;
  private acks: (() => void)[] = [];
  private ackTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ackDelayMs = DEFAULT_ACK_DELAY_MS,
    private readonly ackBatch = DEFAULT_ACK_BATCH,
  ) {}

  /** Runs `command` at the end of this turn, after those queued before. */
  defer(command: () => void): void {
    this.queue.push(command);
    this.scheduleFlush();
  }

  /**
   * Runs `ack` with the next batch, or after `ackDelayMs` at the latest,
   * or at the end of this turn once `ackBatch` acks wait.
   */
  deferAck(ack: () => void): void {
    this.acks.push(ack);
    if (this.acks.length >= this.ackBatch) this.scheduleFlush();
    else this.ackTimer ??= setTimeout(this.flush, this.ackDelayMs);
  }

  private scheduleFlush(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  /** Issues every queued command and ack now (before a stop or drain). */
  readonly flush = (): void => {
    this.scheduled = false;
    if (this.ackTimer !== null) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    const queue = this.queue;
    const acks = this.acks;
    this.queue = [];
    this.acks = [];
    for (const command of queue) command();
    for (const ack of acks) ack();
  };
}
