import type { Counter, Gauge, Histogram } from 'prom-client';
import type { ScoreResult } from '@hostwatch/transport';
import type { ModelSet } from '@hostwatch/detectors';
import { HostDetailRecorder } from './host-detail-recorder.js';
import type { ScorerMetrics } from './scorer-metrics.js';

type GaugeChild = ReturnType<Gauge<string>['labels']>;
type CounterChild = ReturnType<Counter<string>['labels']>;
type HistogramChild = ReturnType<Histogram<string>['labels']>;

/** A host's series, looked up once instead of hashing labels per sample. */
interface HostSeries {
  readonly scores: Map<string, GaugeChild>;
  readonly anomalies: CounterChild;
  readonly driftFlag: GaugeChild;
  readonly driftAlarms: CounterChild;
}

/** Turns every published result into metric updates. */
export class ResultRecorder {
  private readonly hosts = new Map<string, HostSeries>();
  private readonly timings = new Map<string, HistogramChild>();
  private readonly statuses = new Map<string, CounterChild>();
  private readonly details: HostDetailRecorder;

  constructor(private readonly metrics: ScorerMetrics) {
    this.details = new HostDetailRecorder(metrics);
  }

  record(result: ScoreResult): void {
    const series = this.seriesOf(result.host);
    for (const name in result.detectors) {
      const verdict = result.detectors[name];
      if (verdict.score === null) continue;
      this.scoreGauge(series, result.host, name).set(verdict.score);
      this.timing(name).observe(verdict.time_us / 1e6);
    }
    const ensemble = result.ensemble;
    if (ensemble.score !== null) {
      this.scoreGauge(series, result.host, 'ensemble').set(ensemble.score);
      this.timing('ensemble').observe(ensemble.time_us / 1e6);
    }
    if (ensemble.flag === true) series.anomalies.inc();
    series.driftFlag.set(result.drift.flag ? 1 : 0);
    if (result.drift.flag) series.driftAlarms.inc();
    this.status(result.status).inc();
    this.metrics.latency.observe(result.latency_ms / 1000);
    this.details.record(result);
  }

  /** Exports the thresholds of the model a host was bound to. */
  bindModel(host: string, model: ModelSet): void {
    this.details.bindModel(host, model);
  }

  /** Drops a host's series, e.g. after its partition moved away. */
  forget(host: string): void {
    const series = this.hosts.get(host);
    if (series === undefined) return;
    this.hosts.delete(host);
    for (const detector of series.scores.keys()) {
      this.metrics.score.remove({ host, detector });
    }
    this.metrics.anomalies.remove({ host });
    this.metrics.driftFlag.remove({ host });
    this.metrics.driftAlarms.remove({ host });
    this.details.forget(host);
  }

  private seriesOf(host: string): HostSeries {
    let series = this.hosts.get(host);
    if (series === undefined) {
      series = {
        scores: new Map(),
        anomalies: this.metrics.anomalies.labels(host),
        driftFlag: this.metrics.driftFlag.labels(host),
        driftAlarms: this.metrics.driftAlarms.labels(host),
      };
      this.hosts.set(host, series);
    }
    return series;
  }

  private scoreGauge(
    series: HostSeries,
    host: string,
    detector: string,
  ): GaugeChild {
    let child = series.scores.get(detector);
    if (child === undefined) {
      child = this.metrics.score.labels(host, detector);
      series.scores.set(detector, child);
    }
    return child;
  }

  private timing(detector: string): HistogramChild {
    let child = this.timings.get(detector);
    if (child === undefined) {
      child = this.metrics.scoringTime.labels(detector);
      this.timings.set(detector, child);
    }
    return child;
  }

  private status(status: string): CounterChild {
    let child = this.statuses.get(status);
    if (child === undefined) {
      child = this.metrics.samples.labels(status);
      this.statuses.set(status, child);
    }
    return child;
  }
}
