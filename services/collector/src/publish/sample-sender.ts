import { setTimeout as sleep } from 'node:timers/promises';

import {
  metricsSubject,
  sampleMessageId,
  type Bus,
  type BusStatus,
  type MetricSample,
} from '@hostwatch/transport';

import type { SampleBuffer } from './sample-buffer.js';

export interface SampleSenderOptions {
  readonly bus: Bus & Partial<BusStatus>;
  readonly buffer: SampleBuffer;
  /** Wait after a failed publish before trying the same sample again, ms. */
  readonly retryDelayMs: number;
  /** Told about every successful publish. */
  readonly onPublished: (sample: MetricSample) => void;
  /** Told about every failed publish (the sample stays at the head). */
  readonly onPublishError: (error: unknown, sample: MetricSample) => void;
}

/**
 * Publishes the buffer's samples one at a time, oldest first, each with the
 * message id `host:seq`. A sample leaves the buffer only once the stream
 * acknowledged it; a failed publish is retried with the same id, so a
 * publish that reached the stream before its ack was lost is stored once.
 * Order is kept because nothing is published past an unacknowledged
 * sample.
 */
export class SampleSender {
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private wake: () => void = () => {};
  private idleWaiters: (() => void)[] = [];
  private unsubscribe: () => void = () => {};

  constructor(private readonly options: SampleSenderOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    const { bus } = this.options;
    this.unsubscribe =
      bus.onStatus?.((event) => {
        if (event.type === 'reconnected' || event.type === 'connected') {
          this.notify();
        }
      }) ?? (() => {});
    this.loop = this.run();
  }

  /** A new sample is in the buffer, or the bus came back. */
  notify(): void {
    this.wake();
  }

  /** Resolves once the buffer is empty (everything acknowledged). */
  idle(): Promise<void> {
    if (this.options.buffer.depth === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops after the publish in flight; what is left stays buffered. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe();
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const sample = this.options.buffer.peek();
      if (sample === undefined) {
        this.settleIdle();
        await this.nextWake();
      } else if (!(await this.publish(sample))) {
        await this.nextWake(this.options.retryDelayMs);
      }
    }
  }

  private async publish(sample: MetricSample): Promise<boolean> {
    const { bus, buffer } = this.options;
    try {
      await bus.publish(metricsSubject(sample.host), sample, {
        msgId: sampleMessageId(sample.host, sample.seq),
      });
    } catch (error) {
      this.options.onPublishError(error, sample);
      return false;
    }
    buffer.remove(sample);
    this.options.onPublished(sample);
    return true;
  }

  /** Waits for `notify()` (or `stop()`), at most `timeoutMs` if given. */
  private async nextWake(timeoutMs?: number): Promise<void> {
    const ac = new AbortController();
    const woken = new Promise<void>((resolve) => (this.wake = resolve));
    const timers =
      timeoutMs === undefined
        ? []
        : [sleep(timeoutMs, undefined, { signal: ac.signal }).catch(() => {})];
    await Promise.race([woken, ...timers]);
    ac.abort();
  }

  private settleIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
