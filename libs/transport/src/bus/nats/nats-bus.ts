import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { NatsConnection, Status } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import {
  BusClosedError,
  InvalidOptionError,
  TransportError,
} from '../../errors.js';
import type {
  Bus,
  ConsumeOptions,
  PublishOptions,
  Subscription,
} from '../bus.js';
import {
  StatusEmitter,
  type BusStatus,
  type BusStatusEvent,
  type BusStatusListener,
} from '../bus-status.js';
import {
  parseConsumeOptions,
  type ParsedConsumeOptions,
} from '../consume-options.js';
import { encodeJson } from '../../messages/encode-json.js';
import { assertPublishSubject } from '../subject-matcher.js';
import { consumeDurably } from './durable-consumer.js';
import { JetStreamPublisher } from './jetstream-publisher.js';
import { ReconnectBackoff } from './reconnect-backoff.js';
import { WriteBatch } from './write-batch.js';
import {
  DEFAULT_STREAMS,
  ensureStreams,
  type StreamSpec,
} from './stream-specs.js';

export interface NatsBusOptions {
  /** One server URL or several (`nats://host:4222`). */
  readonly url: string | readonly string[];
  readonly user?: string;
  readonly pass?: string;
  readonly token?: string;
  /** Connection name shown by the server, e.g. `scorer-<hostname>`. */
  readonly name: string;
  /** Streams ensured on connect; `false` to leave the server as it is. */
  readonly streams?: readonly StreamSpec[] | false;
  /** Keep trying when the first connect fails (default: fail fast). */
  readonly waitOnFirstConnect?: boolean;
  /** How long a JetStream publish waits for the stream's ack, ms. */
  readonly publishTimeoutMs?: number;
}

export const DEFAULT_PUBLISH_TIMEOUT_MS = 5_000;

export function parseNatsBusOptions(options: NatsBusOptions): NatsBusOptions {
  const urls = typeof options.url === 'string' ? [options.url] : options.url;
  if (urls.length === 0 || urls.some((u) => !/^(nats|tls):\/\/\S+$/.test(u))) {
    throw new InvalidOptionError(
      `url "${urls.join(',')}" is invalid: expected nats://host:port`,
    );
  }
  const timeout = options.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS;
  if (!Number.isInteger(timeout) || timeout < 1) {
    throw new InvalidOptionError(
      `publishTimeoutMs ${timeout} is invalid: expected an integer >= 1`,
    );
  }
  return Object.freeze({ ...options, url: urls, publishTimeoutMs: timeout });
}

/**
 * Connects to NATS, ensures the pipeline's streams and returns the bus.
 * After the first connect it reconnects forever with exponential backoff;
 * watch `connected` / `onStatus()` to buffer while the server is away.
 */
export async function connectNatsBus(
  options: NatsBusOptions,
): Promise<NatsBus> {
  const parsed = parseNatsBusOptions(options);
  const backoff = new ReconnectBackoff();
  const nc = await openConnection(parsed, backoff);
  const bus = new NatsBus(nc, await jetstreamManager(nc), parsed, backoff);
  if (parsed.streams !== false) {
    try {
      await bus.ensureStreams(parsed.streams ?? DEFAULT_STREAMS);
    } catch (error) {
      await nc.close();
      throw error;
    }
  }
  return bus;
}

async function openConnection(
  options: NatsBusOptions,
  backoff: ReconnectBackoff,
): Promise<NatsConnection> {
  try {
    return await connect({
      servers: [...options.url],
      name: options.name,
      user: options.user,
      pass: options.pass,
      token: options.token,
      maxReconnectAttempts: -1,
      waitOnFirstConnect: options.waitOnFirstConnect ?? false,
      reconnectDelayHandler: () => backoff.next(),
      // No Error (and stack capture) created up front for every request:
      // that was ~17 % of a scorer's CPU, one per JetStream publish.
      noAsyncTraces: true,
    });
  } catch (error) {
    throw new TransportError(
      'CONNECT_FAILED',
      `cannot connect to ${[...options.url].join(',')}: ${String(error)}`,
      error,
    );
  }
}

/** The NATS JetStream bus: durable, shared by a fleet of services. */
export class NatsBus implements Bus, BusStatus {
  readonly kind = 'nats' as const;
  private readonly js: JetStreamClient;
  private readonly status = new StatusEmitter();
  private readonly subscriptions = new Set<Subscription>();
  private readonly writes = new WriteBatch();
  private readonly publisher: JetStreamPublisher;
  private isConnected = true;
  private closed = false;

  constructor(
    /** The underlying connection, shared with the model store. */
    readonly connection: NatsConnection,
    private readonly jsm: JetStreamManager,
    options: NatsBusOptions,
    private readonly backoff: ReconnectBackoff,
  ) {
    const timeout = options.publishTimeoutMs ?? DEFAULT_PUBLISH_TIMEOUT_MS;
    this.js = jetstream(connection, { timeout });
    this.publisher = new JetStreamPublisher(connection, timeout, this.writes);
    void this.watchStatus();
  }

  get connected(): boolean {
    return this.isConnected && !this.closed;
  }

  onStatus(listener: BusStatusListener): () => void {
    return this.status.on(listener);
  }

  /** Creates missing streams and applies the limits of `specs`. */
  ensureStreams(specs: readonly StreamSpec[] = DEFAULT_STREAMS): Promise<void> {
    return ensureStreams(this.jsm, specs);
  }

  /**
   * Publishes to JetStream and resolves on the stream's ack. Rejects at
   * once with PUBLISH_FAILED while disconnected, so that the caller can
   * buffer and retry with the same `msgId`.
   */
  async publish(
    subject: string,
    payload: unknown,
    options: PublishOptions = {},
  ): Promise<void> {
    if (this.closed) throw new BusClosedError(this.kind, 'publish');
    assertPublishSubject(subject);
    if (!this.isConnected) {
      throw new TransportError(
        'PUBLISH_FAILED',
        `publish to ${subject} failed: disconnected from NATS`,
      );
    }
    const data = encodeJson(payload);
    try {
      await this.publisher.publish(subject, data, options.msgId);
    } catch (error) {
      throw new TransportError(
        'PUBLISH_FAILED',
        `publish to ${subject} failed: ${String(error)}`,
        error,
      );
    }
  }

  async consume(options: ConsumeOptions): Promise<Subscription> {
    if (this.closed) throw new BusClosedError(this.kind, 'consume');
    const parsed = parseConsumeOptions(options);
    const inner = await this.startConsumers(parsed);
    const subscription: Subscription = {
      get pending() {
        return inner.pending;
      },
      stop: async () => {
        this.subscriptions.delete(subscription);
        await inner.stop();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  private async startConsumers(
    options: ParsedConsumeOptions,
  ): Promise<Subscription> {
    const onFailure = (error: Error) =>
      this.status.emit({ type: 'error', error });
    try {
      return await consumeDurably(this.jsm, this.js, options, {
        onFailure,
        writes: this.writes,
      });
    } catch (error) {
      if (error instanceof TransportError) throw error;
      throw new TransportError(
        'CONSUME_FAILED',
        `consume [${options.subjects.join(', ')}] as ${options.durable} failed: ${String(error)}`,
        error,
      );
    }
  }

  /** Stops every subscription, waits for handlers, flushes acks, closes. */
  async drain(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.writes.flush();
    if (!this.connection.isClosed()) await this.connection.drain();
    this.publisher.close();
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.connection.status()) {
      const event = this.toEvent(status);
      if (event !== null) this.status.emit(event);
    }
    this.isConnected = false;
    this.status.emit({ type: 'closed' });
  }

  private toEvent(status: Status): BusStatusEvent | null {
    switch (status.type) {
      case 'disconnect':
        this.isConnected = false;
        return { type: 'disconnected' };
      case 'reconnecting':
        return { type: 'reconnecting', attempt: this.backoff.attempts };
      case 'reconnect':
        this.isConnected = true;
        this.backoff.reset();
        return { type: 'reconnected' };
      case 'error':
        return { type: 'error', error: toError(status.error) };
      default:
        return null;
    }
  }
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
