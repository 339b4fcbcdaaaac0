import { BusClosedError, InvalidOptionError } from '../../errors.js';
import { encodeJson } from '../../messages/encode-json.js';
import type {
  Bus,
  ConsumeOptions,
  PublishOptions,
  Subscription,
} from '../bus.js';
import {
  StatusEmitter,
  type BusStatus,
  type BusStatusListener,
} from '../bus-status.js';
import { parseConsumeOptions } from '../consume-options.js';
import { assertPublishSubject } from '../subject-matcher.js';
import { DEFAULT_DUPLICATE_WINDOW_MS } from '../duplicate-window.js';
import { DedupWindow } from './dedup-window.js';
import { InProcessDurable, InProcessSubscriber } from './in-process-durable.js';
import { MessageLog } from './message-log.js';

export interface InProcessBusOptions {
  /** Messages kept for durables that start late (limits retention). */
  readonly maxMessages?: number;
  /** How long a `msgId` makes a repeat publish a duplicate, ms. */
  readonly duplicateWindowMs?: number;
  /**
   * Rewrites each published subject, as a server subject mapping does
   * (the scorer's partitions: `metrics.<host>` to `metrics.<host>.<k>`).
   * Default: unchanged.
   */
  readonly mapSubject?: (subject: string) => string;
}

export const DEFAULT_IN_PROCESS_MAX_MESSAGES = 10_000;

export function parseInProcessBusOptions(
  options: InProcessBusOptions = {},
): Required<InProcessBusOptions> {
  const mapSubject = options.mapSubject ?? ((subject: string) => subject);
  const maxMessages = options.maxMessages ?? DEFAULT_IN_PROCESS_MAX_MESSAGES;
  const window = options.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS;
  if (!Number.isInteger(maxMessages) || maxMessages < 1) {
    throw new InvalidOptionError(
      `maxMessages ${maxMessages} is invalid: expected an integer >= 1`,
    );
  }
  if (!Number.isFinite(window) || window < 0) {
    throw new InvalidOptionError(
      `duplicateWindowMs ${window} is invalid: expected a number >= 0`,
    );
  }
  return Object.freeze({ maxMessages, duplicateWindowMs: window, mapSubject });
}

/**
 * The bus of the embedded local mode and of unit tests: JetStream's
 * semantics in memory (subject wildcards, durable consumers shared by
 * competing subscribers, msgId dedup in a window, redelivery on nak, throw
 * or ack timeout with a delivery count). Nothing survives the process.
 *
 * Differences from NatsBus: `maxInFlight` bounds each subscriber, not the
 * durable as a whole; a durable consumes from the oldest kept message.
 */
export class InProcessBus implements Bus, BusStatus {
  readonly kind = 'in-process' as const;
  private readonly log: MessageLog;
  private readonly dedup: DedupWindow;
  private readonly mapSubject: (subject: string) => string;
  private readonly durables = new Map<string, InProcessDurable>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly status = new StatusEmitter();
  private closed = false;

  constructor(options: InProcessBusOptions = {}) {
    const parsed = parseInProcessBusOptions(options);
    this.log = new MessageLog(parsed.maxMessages);
    this.dedup = new DedupWindow(parsed.duplicateWindowMs);
    this.mapSubject = parsed.mapSubject;
  }

  get connected(): boolean {
    return !this.closed;
  }

  onStatus(listener: BusStatusListener): () => void {
    return this.status.on(listener);
  }

  publish(
    subject: string,
    payload: unknown,
    options: PublishOptions = {},
  ): Promise<void> {
    // The executor turns a synchronous throw into a rejection.
    return new Promise((resolve) => {
      this.store(subject, payload, options.msgId);
      resolve();
    });
  }

  consume(options: ConsumeOptions): Promise<Subscription> {
    return new Promise((resolve) => resolve(this.subscribe(options)));
  }

  private store(subject: string, payload: unknown, msgId?: string): void {
    if (this.closed) throw new BusClosedError(this.kind, 'publish');
    assertPublishSubject(subject);
    const data = encodeJson(payload);
    if (msgId !== undefined && !this.dedup.admit(msgId)) return;
    this.log.append(this.mapSubject(subject), data);
    for (const durable of this.durables.values()) durable.pump();
  }

  private subscribe(options: ConsumeOptions): Subscription {
    if (this.closed) throw new BusClosedError(this.kind, 'consume');
    const parsed = parseConsumeOptions(options);
    const durable =
      this.durables.get(parsed.durable) ??
      new InProcessDurable(this.log, parsed);
    this.durables.set(parsed.durable, durable);
    const subscriber = new InProcessSubscriber(parsed);
    durable.attach(subscriber);
    const subscription = this.subscription(durable, subscriber);
    this.subscriptions.add(subscription);
    return subscription;
  }

  async drain(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    for (const durable of this.durables.values()) durable.close();
    this.status.emit({ type: 'closed' });
  }

  private subscription(
    durable: InProcessDurable,
    subscriber: InProcessSubscriber,
  ): Subscription {
    const subscriptions = this.subscriptions;
    const subscription: Subscription = {
      get pending() {
        return durable.pendingOf(subscriber);
      },
      async stop() {
        durable.detach(subscriber);
        subscriptions.delete(subscription);
        await subscriber.dispatcher.idle();
      },
    };
    return subscription;
  }
}
