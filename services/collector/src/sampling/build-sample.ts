import type { Reading } from '@hostwatch/sensors';
import type { MetricSample } from '@hostwatch/transport';

/** The `metrics.<host>` message for one reading. */
export function buildSample(
  reading: Reading,
  host: string,
  seq: number,
  jitterMs: number,
): MetricSample {
  return {
    v: 1,
    host,
    seq,
    timestamp: reading.timestamp,
    features: reading.features,
    jitter_ms: Math.round(jitterMs * 1000) / 1000,
    sensor_age_ms: reading.sensorAgeMs,
    ...(reading.topProcesses && { top_processes: reading.topProcesses }),
  };
}
