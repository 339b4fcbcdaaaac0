import { Counter, Gauge } from 'prom-client';
import type { Registry } from 'prom-client';
import { TimingHistogram } from './timing-histogram.js';

/** Scoring time buckets, seconds: 1 µs to 50 ms. */
const SCORING_BUCKETS = [
  1e-6, 5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 2.5e-4, 5e-4, 1e-3, 5e-3, 0.05,
];
/** Sample-to-result buckets, seconds: 1 ms to 30 s. */
const LATENCY_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30,
];

/** Writes what was deferred to the scrape (see `onScrape`). */
export type ScrapeListener = () => void;

/**
 * The scorer's Prometheus metrics, on the registry it is given.
 * Per-host series (`host` label) grow with the fleet: at 10,000 hosts and
 * 8 detectors the score gauge alone holds 80,000 series, and the feature
 * gauge holds one series per feature a host sends (7 seed features, ~9
 * extras and one per core: ~80 on a 64-core host).
 */
export class ScorerMetrics {
  readonly score: Gauge<'host' | 'detector'>;
  readonly threshold: Gauge<'host' | 'detector'>;
  readonly feature: Gauge<'host' | 'feature'>;
  readonly votes: Gauge<'host'>;
  readonly votesNeeded: Gauge<'host'>;
  readonly lastResult: Gauge<'host'>;
  readonly lastAnomaly: Gauge<'host' | 'top_features'>;
  readonly lastAnomalyScore: Gauge<'host' | 'top_features'>;
  readonly anomalies: Counter<'host'>;
  readonly driftFlag: Gauge<'host'>;
  readonly driftAlarms: Counter<'host'>;
  /** Observed eight times a sample: see TimingHistogram. */
  readonly scoringTime: TimingHistogram<'detector'>;
  readonly latency: TimingHistogram;
  readonly samples: Counter<'status'>;
  readonly rejected: Counter<'reason'>;
  readonly consumerLag: Gauge<'consumer'>;
  readonly modelLoads: Counter<'result'>;
  readonly hosts: Gauge<'mode'>;
  readonly partitions: Gauge;
  private readonly scrapeListeners: ScrapeListener[] = [];

  constructor(registry: Registry) {
    const registers = [registry];
    // Per-host gauges are written when scraped, not per sample: a labelled
    // set costs ~0.5 µs (prom-client hashes the labels every time), ~18 a
    // sample. Each gauge's collect runs the listeners; they write only
    // hosts seen since the last scrape, so the second call finds nothing.
    // FIXME: the scrape pays instead, ~18 sets a host: ~100 ms of event
    // loop at 10,000 hosts (beside prom-client's own formatting of those
    // series), a latency spike once per scrape interval at that size.
    const collect = () => this.beforeScrape();
    this.score = new Gauge({
      name: 'scorer_detector_score',
      help: 'Last score per host and detector (ensemble: [0, 1])',
      labelNames: ['host', 'detector'],
      registers,
      collect,
    });
    this.threshold = new Gauge({
      name: 'scorer_detector_threshold',
      help: 'Score at or above which a member flags, per host and detector',
      labelNames: ['host', 'detector'],
      registers,
    });
    this.feature = new Gauge({
      name: 'scorer_feature_value',
      help: 'Last value of each feature of the host, in the sample unit',
      labelNames: ['host', 'feature'],
      registers,
      collect,
    });
    this.votes = new Gauge({
      name: 'scorer_ensemble_votes',
      help: 'Members that flagged the last sample of the host',
      labelNames: ['host'],
      registers,
      collect,
    });
    this.votesNeeded = new Gauge({
      name: 'scorer_ensemble_votes_needed',
      help: 'Fewest member votes with which the ensemble flags, per host',
      labelNames: ['host'],
      registers,
    });
    this.lastResult = new Gauge({
      name: 'scorer_host_last_result_timestamp_seconds',
      help: 'When the last result of the host was published (scorer clock)',
      labelNames: ['host'],
      registers,
      collect,
    });
    this.lastAnomaly = new Gauge({
      name: 'scorer_last_anomaly_timestamp_seconds',
      help: "Sample time of the host's last anomaly, labelled with its top features",
      labelNames: ['host', 'top_features'],
      registers,
    });
    this.lastAnomalyScore = new Gauge({
      name: 'scorer_last_anomaly_score',
      help: "Ensemble score of the host's last anomaly, labelled with its top features",
      labelNames: ['host', 'top_features'],
      registers,
    });
    this.anomalies = new Counter({
      name: 'scorer_anomalies_total',
      help: 'Samples the ensemble flagged, per host',
      labelNames: ['host'],
      registers,
    });
    this.driftFlag = new Gauge({
      name: 'scorer_drift_flag',
      help: '1 when the last sample of the host raised a drift alarm',
      labelNames: ['host'],
      registers,
      collect,
    });
    this.driftAlarms = new Counter({
      name: 'scorer_drift_alarms_total',
      help: 'Page-Hinkley alarms on the ensemble score, per host',
      labelNames: ['host'],
      registers,
    });
    this.scoringTime = new TimingHistogram({
      name: 'scorer_detector_scoring_seconds',
      help: 'Time one detector spends scoring one sample',
      labelNames: ['detector'],
      buckets: SCORING_BUCKETS,
      registers,
    });
    this.latency = new TimingHistogram({
      name: 'scorer_sample_latency_seconds',
      help: 'From the sample being taken to its result being published',
      labelNames: [],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.samples = new Counter({
      name: 'scorer_samples_total',
      help: 'Samples with a published result, by status',
      labelNames: ['status'],
      registers,
    });
    this.rejected = new Counter({
      name: 'scorer_samples_rejected_total',
      help: 'Messages dead-lettered instead of scored, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'scorer_consumer_lag_messages',
      help: 'Messages in the stream not yet delivered to the consumer',
      labelNames: ['consumer'],
      registers,
    });
    this.modelLoads = new Counter({
      name: 'scorer_model_loads_total',
      help: 'Trained model sets loaded or refused',
      labelNames: ['result'],
      registers,
    });
    this.hosts = new Gauge({
      name: 'scorer_hosts',
      help: 'Hosts this replica scores, by mode (trained, online, warming)',
      labelNames: ['mode'],
      registers,
    });
    this.partitions = new Gauge({
      name: 'scorer_partitions_owned',
      help: 'Partitions of metrics.* this replica consumes',
      registers,
    });
  }

  /** Runs `listener` before every scrape of the per-host gauges. */
  onScrape(listener: ScrapeListener): void {
    this.scrapeListeners.push(listener);
  }

  private beforeScrape(): void {
    for (const listener of this.scrapeListeners) listener();
  }
}
