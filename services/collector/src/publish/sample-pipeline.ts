import type {
  Bus,
  BusStatus,
  Logger,
  MetricSample,
} from '@hostwatch/transport';

import type { CollectorMetrics } from '../metrics.js';
import { SampleBuffer } from './sample-buffer.js';
import { SampleSender } from './sample-sender.js';

export interface SamplePipelineOptions {
  readonly bus: Bus & Partial<BusStatus>;
  readonly bufferSize: number;
  readonly retryDelayMs: number;
  readonly metrics: CollectorMetrics;
  readonly log: Logger;
}

/**
 * Buffer and sender together, counted and logged: what both the live
 * collector and the replay push samples into. Logs one line when an outage
 * (failing publishes) or an overflow starts and one when it ends, never
 * one per sample.
 */
export class SamplePipeline {
  private readonly buffer: SampleBuffer;
  private readonly sender: SampleSender;
  private failedSince: { errors: number; at: number } | null = null;
  private droppedInEpisode = 0;
  private roomWaiters: (() => void)[] = [];

  constructor(private readonly options: SamplePipelineOptions) {
    this.buffer = new SampleBuffer(options.bufferSize);
    this.sender = new SampleSender({
      bus: options.bus,
      buffer: this.buffer,
      retryDelayMs: options.retryDelayMs,
      onPublished: () => this.published(),
      onPublishError: (error, sample) => this.publishFailed(error, sample),
    });
  }

  get depth(): number {
    return this.buffer.depth;
  }

  get dropped(): number {
    return this.buffer.dropped;
  }

  start(): void {
    this.sender.start();
  }

  push(sample: MetricSample): void {
    const evicted = this.buffer.push(sample);
    if (evicted !== undefined) this.overflowed(evicted);
    this.options.metrics.bufferDepth.set(this.buffer.depth);
    this.sender.notify();
  }

  /** Resolves once the buffer has room for one more sample. */
  room(): Promise<void> {
    if (!this.buffer.full) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** Resolves once every pushed sample was acknowledged. */
  idle(): Promise<void> {
    return this.sender.idle();
  }

  stop(): Promise<void> {
    return this.sender.stop();
  }

  private published(): void {
    const { metrics, log } = this.options;
    metrics.published.inc();
    metrics.bufferDepth.set(this.buffer.depth);
    if (this.failedSince !== null) {
      const { errors, at } = this.failedSince;
      log.info(
        { errors, outageMs: Date.now() - at, buffered: this.buffer.depth },
        'publishing again: sending buffered samples in order',
      );
      this.failedSince = null;
    }
    if (this.buffer.depth === 0) this.overflowEnded();
    this.releaseRoom();
  }

  private publishFailed(error: unknown, sample: MetricSample): void {
    this.options.metrics.publishErrors.inc();
    if (this.failedSince !== null) {
      this.failedSince.errors++;
      return;
    }
    this.failedSince = { errors: 1, at: Date.now() };
    this.options.log.warn(
      { err: error, seq: sample.seq, buffered: this.buffer.depth },
      'publish failed: buffering samples until the stream is back',
    );
  }

  private overflowed(evicted: MetricSample): void {
    this.options.metrics.bufferDropped.inc();
    this.droppedInEpisode++;
    if (this.droppedInEpisode > 1) return;
    this.options.log.warn(
      { capacity: this.buffer.capacity, droppedSeq: evicted.seq },
      'buffer full: dropping the oldest samples',
    );
  }

  private overflowEnded(): void {
    if (this.droppedInEpisode === 0) return;
    this.options.log.warn(
      { dropped: this.droppedInEpisode },
      'buffer drained: samples were dropped while it was full',
    );
    this.droppedInEpisode = 0;
  }

  private releaseRoom(): void {
    const waiters = this.roomWaiters;
    this.roomWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
