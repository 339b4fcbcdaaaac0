/**
 * Socket writes held back to the end of the event-loop turn. nats.js
 * flushes its outbound buffer in a microtask after the first command of a
 * burst, so a publish or ack made from each handler's own microtask became
 * its own socket write: on loopback each write also runs the server's TCP
 * receive path, ~1/5 of a scorer's CPU at 2 writes a message. Commands
 * queued here are issued together from `setImmediate`, in order, and leave
 * in one write. The delay is one turn of the loop (microseconds when idle).
 */
export class WriteBatch {
  private queue: (() => void)[] = [];
  private scheduled = false;

  /** Runs `command` at the end of this turn, after those queued before. */
  defer(command: () => void): void {
    this.queue.push(command);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  }

  /** Issues every queued command now (before a stop or drain). */
  readonly flush = (): void => {
    this.scheduled = false;
    const queue = this.queue;
    this.queue = [];
    for (const command of queue) command();
  };
}
