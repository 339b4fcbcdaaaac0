import type { DetectorVerdict, ScoreResult } from '@hostwatch/transport';
import { MEMBER_DETECTORS } from '../csv/columns.js';
import { Reservoir } from './reservoir.js';

/** What the logger reports on shutdown about the rows it wrote. */
export interface LoggerSummary {
  readonly rows: number;
  readonly hosts: readonly string[];
  readonly drift_alarms: number;
  /** Keyed by detector name, `ensemble` included. */
  readonly detectors: Readonly<Record<string, DetectorSummary>>;
}

export interface DetectorSummary {
  /** Samples the detector gave a verdict on. */
  readonly scored: number;
  /** Flagged / scored, null when nothing was scored. */
  readonly anomaly_rate: number | null;
  readonly time_us: {
    readonly mean: number | null;
    readonly p50: number | null;
    readonly p99: number | null;
  };
}

class DetectorTally {
  scored = 0;
  flagged = 0;
  readonly times = new Reservoir();

  add(verdict: DetectorVerdict): void {
    if (verdict.flag === null) return;
    this.scored++;
    if (verdict.flag) this.flagged++;
    this.times.add(verdict.time_us);
  }

  summary(): DetectorSummary {
    return {
      scored: this.scored,
      anomaly_rate: this.scored === 0 ? null : this.flagged / this.scored,
      time_us: {
        mean: this.times.mean,
        p50: this.times.quantile(0.5),
        p99: this.times.quantile(0.99),
      },
    };
  }
}

/** Tallies the rows written in this run for the shutdown summary. */
export class RunSummary {
  private rows = 0;
  private driftAlarms = 0;
  private readonly hosts = new Set<string>();
  private readonly tallies = new Map<string, DetectorTally>(
    [...MEMBER_DETECTORS, 'ensemble'].map((n) => [n, new DetectorTally()]),
  );

  add(result: ScoreResult): void {
    this.rows++;
    this.hosts.add(result.host);
    if (result.drift.flag) this.driftAlarms++;
    for (const name of MEMBER_DETECTORS) {
      const verdict = result.detectors[name];
      if (verdict !== undefined) this.tallies.get(name)?.add(verdict);
    }
    this.tallies.get('ensemble')?.add(result.ensemble);
  }

  summary(): LoggerSummary {
    const detectors: Record<string, DetectorSummary> = {};
    for (const [name, tally] of this.tallies) detectors[name] = tally.summary();
    return {
      rows: this.rows,
      hosts: [...this.hosts].sort(),
      drift_alarms: this.driftAlarms,
      detectors,
    };
  }
}
