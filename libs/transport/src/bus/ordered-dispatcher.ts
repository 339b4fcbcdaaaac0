import type { BusMessage } from './bus.js';
import type { ParsedConsumeOptions } from './consume-options.js';

/** A delivered message that knows whether its handler settled it. */
export interface SettleableMessage extends BusMessage {
  readonly settled: boolean;
}

/**
 * Runs the handler on each delivered message, one at a time per subject
 * (messages of one host stay in order) and concurrently across subjects.
 * A handler that resolves without settling gets its message acked
 * (`autoAck`); one that throws gets it nak'ed after `nakDelayMs`.
 *
 * FIXME: a nak'ed message is redelivered after later messages of its
 * subject were already handled, so order holds only until a redelivery.
 */
export class OrderedDispatcher {
  private readonly tails = new Map<string, Promise<void>>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: ParsedConsumeOptions) {}

  get active(): number {
    return this.running;
  }

  dispatch(message: SettleableMessage): void {
    const subject = message.subject;
    const previous = this.tails.get(subject) ?? Promise.resolve();
    const tail = previous.then(() => this.run(message));
    this.tails.set(subject, tail);
    this.running++;
    void tail.then(() => this.finished(subject, tail));
  }

  /** Resolves once every dispatched handler has returned. */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async run(message: SettleableMessage): Promise<void> {
    try {
      await this.options.handler(message);
      if (!message.settled && this.options.autoAck) message.ack();
    } catch (error) {
      if (!message.settled) message.nak(this.options.nakDelayMs);
      this.report(error, message);
    }
  }

  private report(error: unknown, message: SettleableMessage): void {
    try {
      this.options.onError(error, message);
    } catch {
      // The error callback's own failure must not stop the subject's chain.
    }
  }

  private finished(subject: string, tail: Promise<void>): void {
    if (this.tails.get(subject) === tail) this.tails.delete(subject);
    this.running--;
    if (this.running > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
