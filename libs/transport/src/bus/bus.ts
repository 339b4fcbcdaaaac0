/**
 * The one transport interface. Services run the same code over NATS
 * JetStream (durable, fleet) or over an in-process bus (embedded local mode:
 * one process, nothing persisted). Payloads are JSON-encoded objects.
 */
export interface Bus {
  /** Which transport this is, for logs and readiness. */
  readonly kind: 'nats' | 'in-process';
  /**
   * Publishes one message. With `msgId`, a retry of the same id is stored
   * once (JetStream dedup). Resolves when the transport has accepted it
   * (the stream acknowledged it, for NATS).
   */
  publish(
    subject: string,
    payload: unknown,
    options?: PublishOptions,
  ): Promise<void>;
  /**
   * Delivers every message on `subjects` to `handler`, durably under
   * `durable` (a restart resumes after the last acked message). Messages of
   * one subject arrive in order; a handler that throws gets the message
   * redelivered later.
   */
  consume(options: ConsumeOptions): Promise<Subscription>;
  /** Stops consuming, waits for in-flight handlers, flushes and closes. */
  drain(): Promise<void>;
}

export interface PublishOptions {
  readonly msgId?: string;
}

export interface ConsumeOptions {
  /** Durable consumer name, shared by replicas that split the work. */
  readonly durable: string;
  /** Subject filters, e.g. `['metrics.>']`. */
  readonly subjects: readonly string[];
  readonly handler: MessageHandler;
  /** Most messages handed to handlers before acks come back. */
  readonly maxInFlight?: number;
  /**
   * Ack a message whose handler resolved without calling `ack()` or
   * `nak()` (default true). Set false to ack later yourself, e.g. after a
   * batched flush; unacked messages are redelivered after `ackWaitMs`.
   */
  readonly autoAck?: boolean;
  /** Redeliver a message not acked within this time, ms. */
  readonly ackWaitMs?: number;
  /** Delay before redelivering a message whose handler threw, ms. */
  readonly nakDelayMs?: number;
  /** Give up on a message after this many deliveries (default: never). */
  readonly maxDeliver?: number;
  /** Told about every handler failure (the library itself never logs). */
  readonly onError?: (error: unknown, message: BusMessage) => void;
}

export type MessageHandler = (message: BusMessage) => Promise<void>;

export interface BusMessage {
  readonly subject: string;
  readonly data: Uint8Array;
  /** How many times this message has been delivered, 1 the first time. */
  readonly deliveryCount: number;
  /** Decoded JSON; throws a SyntaxError when the payload is not JSON. */
  json(): unknown;
  /** Done: never deliver again. */
  ack(): void;
  /** Not done: deliver again after `delayMs`. */
  nak(delayMs?: number): void;
}

export interface Subscription {
  /** Messages delivered but not yet acked. */
  readonly pending: number;
  stop(): Promise<void>;
}
