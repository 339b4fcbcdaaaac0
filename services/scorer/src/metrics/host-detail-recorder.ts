import type { ModelSet } from '@hostwatch/detectors';
import type { ScoreResult } from '@hostwatch/transport';
import { PendingGauges } from './pending-gauges.js';
import type { ScorerMetrics } from './scorer-metrics.js';

/** The label sets a host holds, so they can be removed when it leaves. */
interface HostDetail {
  readonly host: string;
  /** Each feature's newest non-null value, until scraped. */
  readonly features: PendingGauges;
  readonly detectors: Set<string>;
  /** `top_features` of the last anomaly's series, null before the first. */
  lastAnomaly: string | null;
  /** When the newest result was scored (s), 0 once exported. */
  lastResultAt: number;
  /** Votes of the newest scored result, null before the first. */
  votes: number | null;
}

/**
 * What the dashboards show per host besides the scores: the raw feature
 * values, the members' thresholds, the ensemble's votes, when the host
 * was last heard from and its last anomaly.
 *
 * The last anomaly is one series per host: a new anomaly with other top
 * features replaces the previous series, so `top_features` adds at most
 * one series per host at a time. Prometheus keeps the replaced ones, which
 * is what the dashboard's event log reads over its time range.
 *
 * The feature values, votes and last-result time are written when scraped:
 * each feature's newest non-null value since the last scrape (see
 * PendingGauges), the newest votes and result time.
 */
export class HostDetailRecorder {
  private readonly hosts = new Map<string, HostDetail>();
  /** Hosts with a result since the last scrape. */
  private readonly unexported = new Set<HostDetail>();

  constructor(private readonly metrics: ScorerMetrics) {
    metrics.onScrape(() => this.exportDetails());
  }

  record(result: ScoreResult): void {
    const detail = this.detailOf(result.host);
    this.unexported.add(detail);
    for (const name in result.features) {
      const value = result.features[name];
      if (value !== null) detail.features.set(name, value);
    }
    detail.lastResultAt = result.scored_at / 1000;
    if (result.status !== 'scored') return;
    detail.votes = result.ensemble.votes;
    if (result.ensemble.flag === true) this.recordAnomaly(detail, result);
  }

  /** Exports the thresholds of the model a host was bound to. */
  bindModel(host: string, model: ModelSet): void {
    const detail = this.detailOf(host);
    this.removeThresholds(host, detail);
    model.ensemble.members.forEach((member, i) => {
      const detector = model.members[i];
      detail.detectors.add(detector);
      this.metrics.threshold.labels(host, detector).set(member.threshold);
    });
    const needed =
      Math.floor(model.ensemble.threshold * model.members.length) + 1;
    this.metrics.votesNeeded.labels(host).set(needed);
  }

  forget(host: string): void {
    const detail = this.hosts.get(host);
    if (detail === undefined) return;
    this.hosts.delete(host);
    this.unexported.delete(detail);
    for (const feature of detail.features.names()) {
      this.metrics.feature.remove({ host, feature });
    }
    this.removeThresholds(host, detail);
    this.removeLastAnomaly(host, detail);
    this.metrics.votes.remove({ host });
    this.metrics.votesNeeded.remove({ host });
    this.metrics.lastResult.remove({ host });
  }

  private exportDetails(): void {
    for (const detail of this.unexported) {
      detail.features.flush();
      if (detail.lastResultAt > 0) {
        this.metrics.lastResult.labels(detail.host).set(detail.lastResultAt);
      }
      detail.lastResultAt = 0;
      if (detail.votes !== null) {
        this.metrics.votes.labels(detail.host).set(detail.votes);
      }
    }
    this.unexported.clear();
  }

  private recordAnomaly(detail: HostDetail, result: ScoreResult): void {
    const top = result.explanation.map((e) => e.feature).join(',');
    if (detail.lastAnomaly !== top) this.removeLastAnomaly(result.host, detail);
    detail.lastAnomaly = top;
    const labels = { host: result.host, top_features: top };
    this.metrics.lastAnomaly.set(labels, result.timestamp / 1000);
    this.metrics.lastAnomalyScore.set(labels, result.ensemble.score ?? 0);
  }

  private removeThresholds(host: string, detail: HostDetail): void {
    for (const detector of detail.detectors) {
      this.metrics.threshold.remove({ host, detector });
    }
    detail.detectors.clear();
  }

  private removeLastAnomaly(host: string, detail: HostDetail): void {
    if (detail.lastAnomaly === null) return;
    const labels = { host, top_features: detail.lastAnomaly };
    this.metrics.lastAnomaly.remove(labels);
    this.metrics.lastAnomalyScore.remove(labels);
    detail.lastAnomaly = null;
  }

  private detailOf(host: string): HostDetail {
    let detail = this.hosts.get(host);
    if (detail === undefined) {
      detail = {
        host,
        features: new PendingGauges((feature) =>
          this.metrics.feature.labels(host, feature),
        ),
        detectors: new Set(),
        lastAnomaly: null,
        lastResultAt: 0,
        votes: null,
      };
      this.hosts.set(host, detail);
    }
    return detail;
  }
}
