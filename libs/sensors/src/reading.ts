import type { TopProcesses } from './processes/top-processes.js';

/** One reading of the host, as `HostSampler.read()` returns it. */
export interface Reading {
  /** When it was taken, ms since the Unix epoch. */
  readonly timestamp: number;
  /**
   * Seed features in FEATURE_ORDER first, then the extras; the same keys on
   * every reading of a sampler. A sensor the host lacks is null, never 0.
   */
  readonly features: Readonly<Record<string, number | null>>;
  /** Age of each slow sensor's latest value, ms (absent before its first). */
  readonly sensorAgeMs: Readonly<Record<string, number>>;
  /** Present when the process scan is on and has run twice. */
  readonly topProcesses?: TopProcesses;
}
