import {
  DEFAULT_TOP_N,
  HostSampler,
  type AbsentSensor,
  type Reading,
  type SensorEvent,
} from '@hostwatch/sensors';
import {
  createLogger,
  type HealthReport,
  type Logger,
} from '@hostwatch/transport';
import { Registry } from 'prom-client';

import {
  atLeast,
  parsePublisherOptions,
  type CollectorOptions,
  type ParsedPublisherOptions,
} from './collector-options.js';
import { createCollectorMetrics, type CollectorMetrics } from './metrics.js';
import { SamplePipeline } from './publish/sample-pipeline.js';
import { SequenceCounter } from './publish/sequence.js';
import { waitAtMost } from './publish/wait-at-most.js';
import { buildSample } from './sampling/build-sample.js';
import type { SampleSource } from './sampling/sample-source.js';
import { Ticker } from './sampling/ticker.js';

/** The live collector: samples the host on a schedule and publishes. */
export interface Collector {
  readonly registry: Registry;
  readonly metrics: CollectorMetrics;
  /** Sensors the host lacks, known once `start()` resolved. */
  readonly absent: readonly AbsentSensor[];
  /** Samples not yet acknowledged. */
  readonly bufferDepth: number;
  start(): Promise<void>;
  /** Stops sampling; sends what is buffered for at most `flushTimeoutMs`. */
  stop(): Promise<void>;
  /** For `/healthz`: failing when sampling stalled, degraded when offline. */
  health(): HealthReport;
}

/** Health turns failing when no sample was taken for this many intervals. */
const STALLED_INTERVALS = 5;

export function buildCollector(options: CollectorOptions): Collector {
  const opts = parsePublisherOptions(options);
  const topN = atLeast('topN', options.topN ?? DEFAULT_TOP_N, 0);
  const registry = options.registry ?? new Registry();
  const log =
    options.logger ?? createLogger({ service: 'collector', level: 'silent' });
  const metrics = createCollectorMetrics(registry);
  const source =
    options.source ??
    new HostSampler({
      ...options.sampler,
      topN,
      onEvent: (event) => logSensorEvent(log, event),
      onTiming: (sensor, ms) =>
        metrics.sensorRead.observe({ sensor }, ms / 1000),
    });
  return new LiveCollector(opts, source, registry, metrics, log);
}

class LiveCollector implements Collector {
  private readonly pipeline: SamplePipeline;
  private readonly sequence = new SequenceCounter();
  private readonly ticker: Ticker;
  private lastSampleAt = performance.now();
  private running = false;

  constructor(
    private readonly opts: ParsedPublisherOptions,
    private readonly source: SampleSource,
    readonly registry: Registry,
    readonly metrics: CollectorMetrics,
    private readonly log: Logger,
  ) {
    this.pipeline = new SamplePipeline({ ...opts, metrics, log });
    this.ticker = new Ticker(opts.intervalMs, (jitter) => this.sample(jitter));
  }

  get absent(): readonly AbsentSensor[] {
    return this.source.absent;
  }

  get bufferDepth(): number {
    return this.pipeline.depth;
  }

  async start(): Promise<void> {
    await this.source.start();
    for (const { sensor } of this.source.absent) {
      this.metrics.sensorAbsent.set({ sensor }, 1);
    }
    this.pipeline.start();
    this.running = true;
    this.lastSampleAt = performance.now();
    this.ticker.start();
    this.log.info(
      { host: this.opts.host, intervalMs: this.opts.intervalMs },
      'collector started',
    );
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.ticker.stop();
    this.source.stop();
    const flushed = await waitAtMost(
      this.pipeline.idle(),
      this.opts.flushTimeoutMs,
    );
    await this.pipeline.stop();
    if (!flushed) {
      this.log.warn(
        { unsent: this.pipeline.depth },
        'stopped with samples the stream never acknowledged',
      );
    }
  }

  health(): HealthReport {
    const sinceMs = performance.now() - this.lastSampleAt;
    const stalled = sinceMs > STALLED_INTERVALS * this.opts.intervalMs;
    const connected = this.opts.bus.connected ?? true;
    return {
      status: stalled ? 'failing' : connected ? 'ok' : 'degraded',
      checks: {
        sampling: {
          ok: !stalled,
          detail: `last sample ${Math.round(sinceMs)} ms ago`,
        },
        bus: {
          ok: connected,
          detail: `${this.pipeline.depth} samples buffered`,
        },
      },
    };
  }

  private sample(jitterMs: number): void {
    let reading: Reading;
    try {
      reading = this.source.read();
    } catch (error) {
      this.log.error({ err: error }, 'sampling failed: sample skipped');
      return;
    }
    const seq = this.sequence.next();
    this.pipeline.push(buildSample(reading, this.opts.host, seq, jitterMs));
    this.lastSampleAt = performance.now();
    this.metrics.samples.inc();
    this.metrics.jitter.observe(Math.max(0, jitterMs) / 1000);
  }
}

/** Absent sensors are logged once, at start; failures when they begin. */
function logSensorEvent(log: Logger, event: SensorEvent): void {
  switch (event.type) {
    case 'absent':
      log.info(
        { sensor: event.sensor, reason: event.reason },
        'sensor absent: its values are null',
      );
      break;
    case 'failed':
      log.warn(
        { sensor: event.sensor, err: event.error },
        'sensor read failed',
      );
      break;
    case 'hung':
      log.warn(
        { sensor: event.sensor, timeoutMs: event.timeoutMs },
        'sensor read hangs',
      );
      break;
    case 'recovered':
      log.info({ sensor: event.sensor }, 'sensor reads again');
      break;
  }
}
