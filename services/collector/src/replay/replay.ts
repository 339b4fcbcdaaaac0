import { readFile } from 'node:fs/promises';
import {
  setImmediate as yieldToLoop,
  setTimeout as sleep,
} from 'node:timers/promises';

import { parseDatasetCsv, type Dataset } from '@hostwatch/detectors';
import { createLogger, type Logger } from '@hostwatch/transport';
import { Registry } from 'prom-client';

import {
  parsePublisherOptions,
  type ParsedPublisherOptions,
} from '../collector-options.js';
import { CollectorStoppedError } from '../errors.js';
import { createCollectorMetrics, type CollectorMetrics } from '../metrics.js';
import { SamplePipeline } from '../publish/sample-pipeline.js';
import { SequenceCounter } from '../publish/sequence.js';
import { waitAtMost } from '../publish/wait-at-most.js';
import {
  DEFAULT_REPLAY_SPEED,
  parseReplaySpeed,
  type ReplayOptions,
  type ReplaySpeed,
} from './replay-options.js';
import { rowSample } from './row-sample.js';

/** Rows pushed at `max` speed between two turns of the event loop. */
const ROWS_PER_TURN = 64;

export interface ReplayResult {
  readonly rows: number;
  readonly published: number;
  readonly dropped: number;
}

/** A CSV published as a live host. */
export interface Replay {
  readonly registry: Registry;
  readonly metrics: CollectorMetrics;
  /**
   * Reads the file (rejecting an unknown column, a non-numeric cell or a
   * ragged row with its line number) and publishes every row in order;
   * resolves once the stream acknowledged the last one.
   */
  run(): Promise<ReplayResult>;
  /** Ends a run early (`run()` rejects with CollectorStoppedError). */
  stop(): Promise<void>;
}

export function buildReplay(options: ReplayOptions): Replay {
  const opts = parsePublisherOptions(options);
  const speed = parseReplaySpeed(options.speed ?? DEFAULT_REPLAY_SPEED);
  const registry = options.registry ?? new Registry();
  const log =
    options.logger ?? createLogger({ service: 'collector', level: 'silent' });
  const metrics = createCollectorMetrics(registry);
  return new CsvReplay(opts, options, speed, registry, metrics, log);
}

class CsvReplay implements Replay {
  private readonly pipeline: SamplePipeline;
  private readonly sequence = new SequenceCounter();
  private stopped = false;
  private lastTimestamp = 0;
  private pushed = 0;

  constructor(
    private readonly opts: ParsedPublisherOptions,
    private readonly replay: ReplayOptions,
    private readonly speed: ReplaySpeed,
    readonly registry: Registry,
    readonly metrics: CollectorMetrics,
    private readonly log: Logger,
  ) {
    this.pipeline = new SamplePipeline({ ...opts, metrics, log });
  }

  async run(): Promise<ReplayResult> {
    const { file } = this.replay;
    const dataset = parseDatasetCsv(await readFile(file, 'utf8'), {
      source: file,
    });
    this.log.info(
      { file, rows: dataset.rows, host: this.opts.host, speed: this.speed },
      'replay started',
    );
    this.pipeline.start();
    try {
      do await this.publishAll(dataset);
      while (this.replay.loop === true);
      await this.pipeline.idle();
    } finally {
      await this.pipeline.stop();
    }
    return this.result(dataset);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await waitAtMost(this.pipeline.idle(), this.opts.flushTimeoutMs);
    await this.pipeline.stop();
  }

  private async publishAll(dataset: Dataset): Promise<void> {
    const spacingMs =
      this.speed === 'max' ? 0 : this.opts.intervalMs / this.speed;
    const startedAt = performance.now();
    const wallStart = Date.now();
    for (let row = 0; row < dataset.rows; row++) {
      if (this.stopped) throw new CollectorStoppedError('replay');
      const planned = startedAt + row * spacingMs;
      if (this.speed === 'max') await this.makeRoom(row);
      else await sleep(Math.max(0, planned - performance.now()));
      const timestamp = this.timestampOf(wallStart + row * spacingMs);
      this.push(dataset, row, timestamp, performance.now() - planned);
    }
  }

  /**
   * At `max` speed: waits while the buffer is full (backpressure, not
   * loss), and lets timers and I/O run every ROWS_PER_TURN rows.
   */
  private async makeRoom(row: number): Promise<void> {
    if (row % ROWS_PER_TURN === 0) await yieldToLoop();
    await this.pipeline.room();
  }

  private push(
    dataset: Dataset,
    row: number,
    timestamp: number,
    jitterMs: number,
  ): void {
    const sample = rowSample(dataset, row, {
      host: this.opts.host,
      seq: this.sequence.next(),
      timestamp,
      jitterMs: this.speed === 'max' ? 0 : jitterMs,
    });
    this.pipeline.push(sample);
    this.pushed++;
    this.metrics.samples.inc();
  }

  /** Planned times, but strictly increasing (at `max` speed: now). */
  private timestampOf(planned: number): number {
    const wanted = this.speed === 'max' ? Date.now() : Math.round(planned);
    this.lastTimestamp = Math.max(wanted, this.lastTimestamp + 1);
    return this.lastTimestamp;
  }

  private result(dataset: Dataset): ReplayResult {
    const result = {
      rows: dataset.rows,
      published: this.pushed - this.pipeline.dropped,
      dropped: this.pipeline.dropped,
    };
    this.log.info({ ...result, host: this.opts.host }, 'replay finished');
    return result;
  }
}
