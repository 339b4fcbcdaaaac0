import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDatasetCsv } from '@hostwatch/detectors';
import type { Dataset } from '@hostwatch/detectors';
import type { MetricSample } from '@hostwatch/transport';

/**
 * The shared detector fixtures (shared/fixtures/README.md): `shared/`
 * sits beside the checkout (`../shared`), or inside it.
 */
const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const CANDIDATES = [
  join(REPO_ROOT, '../shared/fixtures'),
  join(REPO_ROOT, 'shared/fixtures'),
];

export const FIXTURES_DIR =
  CANDIDATES.find((dir) => existsSync(join(dir, 'labeled_test.csv'))) ??
  CANDIDATES[0];

const cache = new Map<string, Dataset>();

/** `normal_training`, `labeled_training` or `labeled_test`. */
export function readFixture(name: string): Dataset {
  let dataset = cache.get(name);
  if (dataset === undefined) {
    const text = readFileSync(join(FIXTURES_DIR, `${name}.csv`), 'utf8');
    dataset = parseDatasetCsv(text, { source: `${name}.csv` });
    cache.set(name, dataset);
  }
  return dataset;
}

export interface ReplayOptions {
  readonly host: string;
  /** Timestamp of the first row, ms; default now. */
  readonly start?: number;
  /** Sample time between rows, ms; default 1000. */
  readonly intervalMs?: number;
  /** First sequence number; default 1. */
  readonly firstSeq?: number;
  /** Rows to replay; default all. */
  readonly rows?: number;
}

/** The rows of a fixture as the samples a collector would publish. */
export function replaySamples(
  dataset: Dataset,
  options: ReplayOptions,
): MetricSample[] {
  const { host, intervalMs = 1000, firstSeq = 1 } = options;
  const rows = Math.min(options.rows ?? dataset.rows, dataset.rows);
  const start = options.start ?? Date.now() - rows * intervalMs;
  const width = dataset.features.length;
  const samples: MetricSample[] = [];
  for (let r = 0; r < rows; r++) {
    const features: Record<string, number | null> = {};
    dataset.features.forEach((name, c) => {
      const value = dataset.values[r * width + c];
      features[name] = Number.isNaN(value) ? null : value;
    });
    const label = dataset.labels?.[r];
    samples.push({
      v: 1,
      host,
      seq: firstSeq + r,
      timestamp: start + r * intervalMs,
      features,
      jitter_ms: 0,
      ...(label === undefined ? {} : { label: label === 1 ? 1 : 0 }),
    });
  }
  return samples;
}
