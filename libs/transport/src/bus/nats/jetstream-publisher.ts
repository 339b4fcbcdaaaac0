import {
  createInbox,
  headers,
  type Msg,
  type NatsConnection,
  type Subscription,
} from '@nats-io/nats-core';
import type { WriteBatch } from './write-batch.js';

interface PendingAck {
  readonly subject: string;
  readonly deadline: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

interface PubAck {
  readonly stream?: string;
  readonly error?: { readonly description?: string };
}

/** How often unanswered publishes are checked for their timeout, ms. */
const SWEEP_MS = 250;
/** The server's status for a subject no stream listens on. */
const NO_RESPONDERS = 503;
const decoder = new TextDecoder();

/**
 * JetStream publishes that resolve on the stream's ack, over one reply
 * subscription (`<inbox>.<n>`) and one timeout sweep. nats.js makes a
 * request object, a timer and, on every settle, an Error with its stack
 * per `js.publish`: ~1/3 of the scorer's transport CPU. The message id
 * travels as the `Nats-Msg-Id` header, as nats.js sends it.
 */
export class JetStreamPublisher {
  private readonly inbox = createInbox();
  private readonly pending = new Map<number, PendingAck>();
  private replies: Subscription | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private sent = 0;

  constructor(
    private readonly nc: NatsConnection,
    private readonly timeoutMs: number,
    private readonly writes: WriteBatch,
  ) {}

  /** Sends at the end of the turn; settles on the stream's answer. */
  publish(subject: string, data: Uint8Array, msgId?: string): Promise<void> {
    this.start();
    const id = ++this.sent;
    return new Promise((resolve, reject) => {
      const deadline = Date.now() + this.timeoutMs;
      this.pending.set(id, { subject, deadline, resolve, reject });
      this.writes.defer(() => this.send(id, subject, data, msgId));
    });
  }

  /** Fails every unanswered publish and stops listening. */
  close(): void {
    if (this.sweeper !== null) clearInterval(this.sweeper);
    this.sweeper = null;
    this.replies?.unsubscribe();
    this.replies = null;
    for (const ack of this.pending.values()) {
      ack.reject(new Error(`publish to ${ack.subject}: bus closed`));
    }
    this.pending.clear();
  }

  private send(
    id: number,
    subject: string,
    data: Uint8Array,
    msgId: string | undefined,
  ): void {
    try {
      this.nc.publish(subject, data, {
        reply: `${this.inbox}.${id}`,
        headers: msgId === undefined ? undefined : msgIdHeaders(msgId),
      });
    } catch (error) {
      const ack = this.pending.get(id);
      this.pending.delete(id);
      ack?.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private start(): void {
    if (this.replies !== null) return;
    this.replies = this.nc.subscribe(`${this.inbox}.*`, {
      callback: (error, msg) => this.answer(error, msg),
    });
    this.sweeper = setInterval(() => this.expire(Date.now()), SWEEP_MS);
    this.sweeper.unref();
  }

  private answer(error: Error | null, msg: Msg): void {
    if (error !== null) return;
    const id = Number(msg.subject.slice(this.inbox.length + 1));
    const ack = this.pending.get(id);
    if (ack === undefined) return;
    this.pending.delete(id);
    const refusal = refusalOf(msg);
    if (refusal === null) ack.resolve();
    else ack.reject(new Error(`publish to ${ack.subject}: ${refusal}`));
  }

  /** Ids grow with time and share one timeout: the oldest come first. */
  private expire(now: number): void {
    for (const [id, ack] of this.pending) {
      if (ack.deadline > now) return;
      this.pending.delete(id);
      ack.reject(
        new Error(
          `publish to ${ack.subject}: no stream ack within ${this.timeoutMs} ms`,
        ),
      );
    }
  }
}

function msgIdHeaders(msgId: string) {
  const h = headers();
  h.set('Nats-Msg-Id', msgId);
  return h;
}

/** Why the stream did not store the message, or null when it did. */
function refusalOf(msg: Msg): string | null {
  if (msg.data.length === 0 && msg.headers?.code === NO_RESPONDERS) {
    return 'no stream holds the subject (no responders)';
  }
  try {
    const ack = JSON.parse(decoder.decode(msg.data)) as PubAck;
    if (ack.error !== undefined) {
      return `stream refused it: ${ack.error.description ?? 'no reason'}`;
    }
    return typeof ack.stream === 'string' && ack.stream !== ''
      ? null
      : 'invalid ack response';
  } catch {
    return 'ack is not JSON';
  }
}
