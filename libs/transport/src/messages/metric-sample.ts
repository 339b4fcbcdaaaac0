/** One process among a host's busiest, attached to samples. */
export interface ProcessInfo {
  readonly pid: number;
  readonly name: string;
  readonly cpu_percent: number;
  readonly memory_percent: number;
}

/**
 * What a collector publishes on `metrics.<host>`: one reading of a host.
 *
 * `features` holds the seven seed features (FEATURE_ORDER) first, then any
 * extras the collector reads (per-core load `cpu_core_<i>_percent`, load
 * averages, swap, disk and network rates, process count). A sensor the host
 * lacks is `null`, never 0.
 */
export interface MetricSample {
  /** Message schema version. */
  readonly v: 1;
  readonly host: string;
  /**
   * Per-host sequence, strictly increasing, also across collector restarts.
   * `host` + `seq` is the JetStream message id and the dedup key downstream.
   */
  readonly seq: number;
  /** When the sample was taken, ms since the Unix epoch. */
  readonly timestamp: number;
  readonly features: Readonly<Record<string, number | null>>;
  /** Actual minus planned sampling time, ms. */
  readonly jitter_ms: number;
  /** Age of each slow sensor's latest reading, ms. */
  readonly sensor_age_ms?: Readonly<Record<string, number>>;
  readonly top_processes?: {
    readonly by_cpu: readonly ProcessInfo[];
    readonly by_memory: readonly ProcessInfo[];
  };
  /** Present when a labelled CSV is replayed: 1 anomaly, 0 normal. */
  readonly label?: 0 | 1;
}

/** The message id that makes a retried publish a duplicate. */
export function sampleMessageId(host: string, seq: number): string {
  return `${host}:${seq}`;
}
