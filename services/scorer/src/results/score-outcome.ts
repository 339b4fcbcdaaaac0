import type { ModelSetResult } from '@hostwatch/detectors';
import type { MetricSample } from '@hostwatch/transport';

/**
 * What scoring one sample produced, before it becomes messages: the
 * sample, the model's verdicts (null while warming up) and the drift test.
 * `verdicts` is the host's reused result buffer: read it before the host's
 * next sample is scored.
 */
export interface ScoreOutcome {
  readonly sample: MetricSample;
  /** The model that scored it; null while warming up. */
  readonly modelVersion: string | null;
  readonly verdicts: ModelSetResult | null;
  /** Detectors of the online model being learned, for null verdicts. */
  readonly pendingDetectors: readonly string[];
  readonly drift: DriftReading;
}

export interface DriftReading {
  readonly statistic: number;
  readonly flag: boolean;
  readonly direction: 'up' | 'down' | null;
  readonly threshold: number;
}
