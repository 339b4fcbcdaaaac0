import type { Metric, Registry } from 'prom-client';

export interface TimingHistogramConfig<L extends string> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly L[];
  /** Upper bounds, ascending; `+Inf` is implied. */
  readonly buckets: readonly number[];
  readonly registers: readonly Registry[];
}

/** One label set's counts, found once and observed into directly. */
export class HistogramSeries {
  /** Observations per bucket (not cumulative); the last is +Inf. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(
    readonly labels: Readonly<Record<string, string>>,
    private readonly bounds: Float64Array,
  ) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  /** Adds one finite value; allocation-free. */
  observe(value: number): void {
    if (!Number.isFinite(value)) {
      throw new TypeError(`histogram value ${value}: expected a finite number`);
    }
    const { bounds } = this;
    let b = 0;
    while (b < bounds.length && value > bounds[b]) b++;
    this.counts[b]++;
    this.sum += value;
    this.count++;
  }
}

interface ExportedValue {
  readonly value: number;
  readonly labels: Record<string, string | number>;
  readonly metricName: string;
}

/**
 * A Prometheus histogram for the scorer's per-sample timings: eight
 * observations a sample (one per member, the ensemble, the latency).
 * prom-client's `observe` validates and hashes the label set and builds
 * two objects on every call; here the caller keeps each label set's
 * `HistogramSeries` and an observation is a bucket search and three
 * additions. It registers with a prom-client Registry and exports what a
 * prom-client Histogram exports for the same observations, line for line
 * (see timing-histogram.test.ts).
 */
export class TimingHistogram<L extends string = never> {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly name: string;
  readonly help: string;
  private readonly labelNames: readonly L[];
  private readonly bounds: Float64Array;
  private readonly series = new Map<string, HistogramSeries>();

  constructor(config: TimingHistogramConfig<L>) {
    this.name = config.name;
    this.help = config.help;
    this.labelNames = config.labelNames;
    this.bounds = Float64Array.from(config.buckets);
    // prom-client's registry reads only name, type, get() and reset();
    // its Metric type names its own four classes.
    const metric = this as unknown as Metric;
    for (const registry of config.registers) registry.registerMetric(metric);
    this.reset();
  }

  /** The series of these label values (in `labelNames` order). */
  labels(...values: string[]): HistogramSeries {
    const key = values.join('\u0000');
    let series = this.series.get(key);
    if (series === undefined) {
      const labels = Object.fromEntries(
        this.labelNames.map((name, i) => [name, values[i]]),
      );
      series = new HistogramSeries(labels, this.bounds);
      this.series.set(key, series);
    }
    return series;
  }

  /** What the registry formats: buckets (cumulative), sum and count. */
  get(): Promise<{
    name: string;
    help: string;
    type: 'histogram';
    aggregator: 'sum';
    values: ExportedValue[];
  }> {
    const values: ExportedValue[] = [];
    for (const series of this.series.values()) this.export(series, values);
    const { name, help, type, aggregator } = this;
    return Promise.resolve({ name, help, type, aggregator, values });
  }

  /** Drops every series; one without labels exists from the start. */
  reset(): void {
    this.series.clear();
    if (this.labelNames.length === 0) this.labels();
  }

  private export(series: HistogramSeries, values: ExportedValue[]): void {
    const bucket = `${this.name}_bucket`;
    let cumulative = 0;
    for (let b = 0; b <= this.bounds.length; b++) {
      cumulative += series.counts[b];
      const le = b < this.bounds.length ? this.bounds[b] : '+Inf';
      const labels = { le, ...series.labels };
      values.push({ value: cumulative, labels, metricName: bucket });
    }
    const labels = { ...series.labels };
    values.push({ value: series.sum, labels, metricName: `${this.name}_sum` });
    values.push({
      value: series.count,
      labels: { ...series.labels },
      metricName: `${this.name}_count`,
    });
  }
}
