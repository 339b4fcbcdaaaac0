import { InvalidOptionError } from '../../errors.js';
import type { ParsedConsumeOptions } from '../consume-options.js';
import { OrderedDispatcher } from '../ordered-dispatcher.js';
import { SubjectMatcher } from '../subject-matcher.js';
import { InProcessMessage } from './in-process-message.js';
import type { MessageLog, StoredMessage } from './message-log.js';

/** One consume() call attached to a durable: a competing consumer. */
export class InProcessSubscriber {
  inFlight = 0;
  readonly dispatcher: OrderedDispatcher;

  constructor(readonly options: ParsedConsumeOptions) {
    this.dispatcher = new OrderedDispatcher(options);
  }

  get hasCapacity(): boolean {
    return this.inFlight < this.options.maxInFlight;
  }
}

interface Delivery {
  readonly stored: StoredMessage;
  readonly deliveryCount: number;
  readonly subscriber: InProcessSubscriber;
  readonly token: number;
  readonly deliveredAt: number;
}

interface Redelivery {
  readonly stored: StoredMessage;
  readonly deliveryCount: number;
  readonly dueAt: number;
}

/**
 * The in-process stand-in for a durable JetStream consumer: a position in
 * the log, the deliveries not yet acked, and the subscribers that compete
 * for its messages (round robin among those with capacity). Its options
 * (subjects, ack wait, max deliver) are fixed by the first consume().
 */
export class InProcessDurable {
  private readonly matchers: readonly SubjectMatcher[];
  private nextSeq: number;
  private readonly outstanding = new Map<number, Delivery>();
  private redeliveries: Redelivery[] = [];
  private subscribers: InProcessSubscriber[] = [];
  private turn = 0;
  private tokens = 0;
  private redeliveryTimer: NodeJS.Timeout | null = null;
  private timerDueAt = Infinity;
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly log: MessageLog,
    private readonly options: ParsedConsumeOptions,
  ) {
    this.matchers = options.subjects.map((s) => new SubjectMatcher(s));
    this.nextSeq = log.firstSeq;
  }

  attach(subscriber: InProcessSubscriber): void {
    this.assertSameSubjects(subscriber.options);
    this.subscribers.push(subscriber);
    this.startSweep();
    this.pump();
  }

  detach(subscriber: InProcessSubscriber): void {
    this.subscribers = this.subscribers.filter((s) => s !== subscriber);
  }

  pendingOf(subscriber: InProcessSubscriber): number {
    return subscriber.inFlight;
  }

  /** Hands out messages while some subscriber has capacity. */
  pump(): void {
    for (;;) {
      const subscriber = this.nextSubscriber();
      if (subscriber === undefined) break;
      const next = this.nextMessage();
      if (next === undefined) break;
      this.deliver(subscriber, next.stored, next.deliveryCount);
    }
    if (this.redeliveries.length > 0) this.scheduleRedelivery();
  }

  close(): void {
    if (this.redeliveryTimer !== null) clearTimeout(this.redeliveryTimer);
    this.timerDueAt = Infinity;
    if (this.sweepTimer !== null) clearInterval(this.sweepTimer);
    this.redeliveryTimer = null;
    this.sweepTimer = null;
    this.subscribers = [];
  }

  private assertSameSubjects(options: ParsedConsumeOptions): void {
    const mine = this.options.subjects.join(',');
    const theirs = options.subjects.join(',');
    if (mine !== theirs) {
      throw new InvalidOptionError(
        `durable "${options.durable}" consumes [${mine}]: ` +
          `got [${theirs}], expected the same subjects`,
      );
    }
  }

  private nextSubscriber(): InProcessSubscriber | undefined {
    const count = this.subscribers.length;
    for (let i = 0; i < count; i++) {
      const candidate = this.subscribers[(this.turn + i) % count];
      if (candidate?.hasCapacity === true) {
        this.turn = (this.turn + i + 1) % count;
        return candidate;
      }
    }
    return undefined;
  }

  private nextMessage(): Omit<Redelivery, 'dueAt'> | undefined {
    const first = this.redeliveries[0];
    if (first !== undefined && first.dueAt <= Date.now()) {
      this.redeliveries.shift();
      return first;
    }
    const stored = this.nextFromLog();
    return stored === undefined ? undefined : { stored, deliveryCount: 1 };
  }

  private nextFromLog(): StoredMessage | undefined {
    this.nextSeq = Math.max(this.nextSeq, this.log.firstSeq);
    while (this.nextSeq <= this.log.lastSeq) {
      const stored = this.log.at(this.nextSeq++);
      if (stored !== undefined && this.wants(stored.subject)) return stored;
    }
    return undefined;
  }

  private wants(subject: string): boolean {
    return this.matchers.some((m) => m.matches(subject));
  }

  private deliver(
    subscriber: InProcessSubscriber,
    stored: StoredMessage,
    deliveryCount: number,
  ): void {
    const token = ++this.tokens;
    const delivery = {
      stored,
      deliveryCount,
      subscriber,
      token,
      deliveredAt: Date.now(),
    };
    this.outstanding.set(stored.seq, delivery);
    subscriber.inFlight++;
    const message = new InProcessMessage(
      stored,
      deliveryCount,
      (outcome, delay) => this.settle(delivery, outcome, delay),
    );
    subscriber.dispatcher.dispatch(message);
  }

  private settle(
    delivery: Delivery,
    outcome: 'ack' | 'nak',
    delayMs: number,
  ): void {
    if (!this.release(delivery)) return;
    if (outcome === 'nak') this.requeue(delivery, delayMs);
    this.pump();
  }

  /** Forgets a delivery; false when it was already settled or expired. */
  private release(delivery: Delivery): boolean {
    const current = this.outstanding.get(delivery.stored.seq);
    if (current?.token !== delivery.token) return false;
    this.outstanding.delete(delivery.stored.seq);
    delivery.subscriber.inFlight--;
    return true;
  }

  private requeue(delivery: Delivery, delayMs: number): void {
    if (delivery.deliveryCount >= this.options.maxDeliver) return;
    const dueAt = Date.now() + delayMs;
    const entry = {
      stored: delivery.stored,
      deliveryCount: delivery.deliveryCount + 1,
      dueAt,
    };
    const at = this.redeliveries.findIndex((r) => r.dueAt > dueAt);
    if (at < 0) this.redeliveries.push(entry);
    else this.redeliveries.splice(at, 0, entry);
  }

  /** Arms one timer for the earliest redelivery that is not yet due. */
  private scheduleRedelivery(): void {
    const now = Date.now();
    const next = this.redeliveries.find((r) => r.dueAt > now);
    if (next === undefined || this.timerDueAt <= next.dueAt) return;
    if (this.redeliveryTimer !== null) clearTimeout(this.redeliveryTimer);
    this.timerDueAt = next.dueAt;
    this.redeliveryTimer = setTimeout(() => {
      this.redeliveryTimer = null;
      this.timerDueAt = Infinity;
      this.pump();
    }, next.dueAt - now);
    this.redeliveryTimer.unref();
  }

  /** Redelivers messages whose ack did not come within the ack wait. */
  private startSweep(): void {
    if (this.sweepTimer !== null) return;
    const every = Math.min(this.options.ackWaitMs / 2, 1_000);
    this.sweepTimer = setInterval(() => this.sweep(), every);
    this.sweepTimer.unref();
  }

  private sweep(): void {
    const expired = Date.now() - this.options.ackWaitMs;
    for (const delivery of [...this.outstanding.values()]) {
      if (delivery.deliveredAt > expired) continue;
      this.release(delivery);
      this.requeue(delivery, 0);
    }
    this.pump();
  }
}
