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
  readonly host: string;
  /** The newest result whose scores are not yet exported, else null. */
  latest: ScoreResult | null;
  readonly scores: Map<string, GaugeChild>;
  readonly anomalies: CounterChild;
  readonly driftFlag: GaugeChild;
  readonly driftAlarms: CounterChild;
}

/**
 * Turns every published result into metric updates. Counters and
 * histograms are updated per result; the per-host gauges (scores, drift
 * flag) only keep the newest result and are written when scraped.
 */
export class ResultRecorder {
  private readonly hosts = new Map<string, HostSeries>();
  /** Hosts with a result since the last scrape. */
  private readonly unexported = new Set<HostSeries>();
  private readonly timings = new Map<string, HistogramChild>();
  private readonly statuses = new Map<string, CounterChild>();
  private readonly details: HostDetailRecorder;

  constructor(private readonly metrics: ScorerMetrics) {
    this.details = new HostDetailRecorder(metrics);
    metrics.onScrape(() => this.exportScores());
  }

  record(result: ScoreResult): void {
    const series = this.seriesOf(result.host);
    series.latest = result;
    this.unexported.add(series);
    for (const name in result.detectors) {
      const verdict = result.detectors[name];
      if (verdict.score === null) continue;
      this.timing(name).observe(verdict.time_us / 1e6);
    }
    const ensemble = result.ensemble;
    if (ensemble.score !== null) {
      this.timing('ensemble').observe(ensemble.time_us / 1e6);
    }
    if (ensemble.flag === true) series.anomalies.inc();
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
    this.unexported.delete(series);
    for (const detector of series.scores.keys()) {
      this.metrics.score.remove({ host, detector });
    }
    this.metrics.anomalies.remove({ host });
    this.metrics.driftFlag.remove({ host });
    this.metrics.driftAlarms.remove({ host });
    this.details.forget(host);
  }

  /** Writes the newest scores and drift flag of every host seen since. */
  private exportScores(): void {
    for (const series of this.unexported) {
      const result = series.latest;
      series.latest = null;
      if (result !== null) this.exportResult(series, result);
    }
    this.unexported.clear();
  }

  private exportResult(series: HostSeries, result: ScoreResult): void {
    for (const name in result.detectors) {
      const score = result.detectors[name].score;
      if (score !== null) this.scoreGauge(series, name).set(score);
    }
    const ensemble = result.ensemble.score;
    if (ensemble !== null) this.scoreGauge(series, 'ensemble').set(ensemble);
    series.driftFlag.set(result.drift.flag ? 1 : 0);
  }

  private seriesOf(host: string): HostSeries {
    let series = this.hosts.get(host);
    if (series === undefined) {
      series = {
        host,
        latest: null,
        scores: new Map(),
        anomalies: this.metrics.anomalies.labels(host),
        driftFlag: this.metrics.driftFlag.labels(host),
        driftAlarms: this.metrics.driftAlarms.labels(host),
      };
      this.hosts.set(host, series);
    }
    return series;
  }

  private scoreGauge(series: HostSeries, detector: string): GaugeChild {
    let child = series.scores.get(detector);
    if (child === undefined) {
      child = this.metrics.score.labels(series.host, detector);
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
