import type { Counter } from 'prom-client';
import type { ScoreResult } from '@hostwatch/transport';
import type { ModelSet } from '@hostwatch/detectors';
import { HostDetailRecorder } from './host-detail-recorder.js';
import { PendingGauges } from './pending-gauges.js';
import type { GaugeChild } from './pending-gauges.js';
import type { ScorerMetrics } from './scorer-metrics.js';
import type { HistogramSeries } from './timing-histogram.js';

type CounterChild = ReturnType<Counter<string>['labels']>;

/** A host's series, looked up once instead of hashing labels per sample. */
interface HostSeries {
  readonly host: string;
  /** Each detector's and the ensemble's newest score, until scraped. */
  readonly scores: PendingGauges;
  readonly anomalies: CounterChild;
  readonly driftFlag: GaugeChild;
  /** The newest drift flag (0 or 1) until scraped, -1 once exported. */
  drift: number;
  readonly driftAlarms: CounterChild;
}

/**
 * Turns every published result into metric updates. Counters and
 * histograms are updated per result; the per-host gauges (scores, drift
 * flag) keep the newest values (see PendingGauges) and are written when
 * scraped.
 */
export class ResultRecorder {
  private readonly hosts = new Map<string, HostSeries>();
  /** Hosts with a result since the last scrape. */
  private readonly unexported = new Set<HostSeries>();
  private readonly timings = new Map<string, HistogramSeries>();
  private readonly statuses = new Map<string, CounterChild>();
  private readonly details: HostDetailRecorder;
  private readonly latency: HistogramSeries;

  constructor(private readonly metrics: ScorerMetrics) {
    this.details = new HostDetailRecorder(metrics);
    this.latency = metrics.latency.labels();
    metrics.onScrape(() => this.exportScores());
  }

  record(result: ScoreResult): void {
    const series = this.seriesOf(result.host);
    this.unexported.add(series);
    for (const name in result.detectors) {
      const verdict = result.detectors[name];
      if (verdict.score === null) continue;
      series.scores.set(name, verdict.score);
      this.timing(name).observe(verdict.time_us / 1e6);
    }
    const ensemble = result.ensemble;
    if (ensemble.score !== null) {
      series.scores.set('ensemble', ensemble.score);
      this.timing('ensemble').observe(ensemble.time_us / 1e6);
    }
    series.drift = result.drift.flag ? 1 : 0;
    if (ensemble.flag === true) series.anomalies.inc();
    if (result.drift.flag) series.driftAlarms.inc();
    this.status(result.status).inc();
    this.latency.observe(result.latency_ms / 1000);
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
    for (const detector of series.scores.names()) {
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
      series.scores.flush();
      if (series.drift >= 0) series.driftFlag.set(series.drift);
      series.drift = -1;
    }
    this.unexported.clear();
  }

  private seriesOf(host: string): HostSeries {
    let series = this.hosts.get(host);
    if (series === undefined) {
      series = {
        host,
        scores: new PendingGauges((detector) =>
          this.metrics.score.labels(host, detector),
        ),
        anomalies: this.metrics.anomalies.labels(host),
        driftFlag: this.metrics.driftFlag.labels(host),
        drift: -1,
        driftAlarms: this.metrics.driftAlarms.labels(host),
      };
      this.hosts.set(host, series);
    }
    return series;
  }

  private timing(detector: string): HistogramSeries {
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
