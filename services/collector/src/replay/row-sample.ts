import type { Dataset } from '@hostwatch/detectors';
import type { MetricSample } from '@hostwatch/transport';

/** Row `row` of a data set as a sample; NaN (an empty cell) becomes null. */
export function rowSample(
  dataset: Dataset,
  row: number,
  fields: { host: string; seq: number; timestamp: number; jitterMs: number },
): MetricSample {
  const features: Record<string, number | null> = {};
  const width = dataset.features.length;
  dataset.features.forEach((name, f) => {
    const value = dataset.values[row * width + f];
    features[name] = Number.isNaN(value) ? null : value;
  });
  const label = dataset.labels?.[row];
  return {
    v: 1,
    host: fields.host,
    seq: fields.seq,
    timestamp: fields.timestamp,
    features,
    jitter_ms: Math.round(fields.jitterMs * 1000) / 1000,
    ...(label !== undefined && { label: label === 1 ? 1 : 0 }),
  };
}
