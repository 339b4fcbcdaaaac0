/** The longest an ack waits for a write to ride along with, ms. */
export const DEFAULT_ACK_DELAY_MS = 20;

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
 */
export class WriteBatch {
  private queue: (() => void)[] = [];
  private scheduled = false;
  private acks: (() => void)[] = [];
  private ackTimer: NodeJS.Timeout | null = null;

  constructor(private readonly ackDelayMs = DEFAULT_ACK_DELAY_MS) {}

  /** Runs `command` at the end of this turn, after those queued before. */
  defer(command: () => void): void {
    this.queue.push(command);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  /** Runs `ack` with the next batch, or after `ackDelayMs` at the latest. */
  deferAck(ack: () => void): void {
    this.acks.push(ack);
    this.ackTimer ??= setTimeout(this.flush, this.ackDelayMs);
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
