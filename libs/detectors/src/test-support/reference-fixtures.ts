import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { StandardScaler } from '../core/standard-scaler.js';
import type { FeatureMatrix } from '../core/feature-matrix.js';

/**
 * Reads the scikit-learn reference fixtures (shared/fixtures/README.md) for
 * known-answer tests. `shared/` sits beside the checkout (`../shared`), or
 * inside it.
 */
const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const CANDIDATES = [
  join(REPO_ROOT, '../shared/fixtures'),
  join(REPO_ROOT, 'shared/fixtures'),
];

/** The same rows at full precision: see that folder's README. */
export const FULL_PRECISION_DIR = join(
  REPO_ROOT,
  'libs/detectors/test-data/reference-full-precision',
);

export const FIXTURES_DIR =
  CANDIDATES.find((dir) => existsSync(join(dir, 'reference.json'))) ??
  CANDIDATES[0];

/** A labelled or unlabelled fixture CSV. */
export interface FixtureTable {
  readonly matrix: FeatureMatrix;
  readonly labels: Uint8Array;
}

export interface ReferenceQuality {
  readonly roc_auc: number;
  readonly average_precision: number;
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
}

/** The parts of `reference.json` the tests read. */
export interface Reference {
  readonly features: readonly string[];
  readonly scaler: { readonly mean: number[]; readonly std: number[] };
  readonly pca_explained_variance_ratio: readonly number[];
  readonly ocsvm_support_vectors: number;
  readonly quality: Readonly<Record<string, ReferenceQuality>>;
  readonly metric_check: ReferenceQuality & {
    readonly scores_file: string;
    readonly threshold: number;
  };
  readonly page_hinkley: {
    readonly delta: number;
    readonly lambda: number;
    readonly min_instances: number;
    readonly alarms_at: readonly number[];
  };
}

function fixtureText(name: string, dir = FIXTURES_DIR): string {
  return readFileSync(join(dir, name), 'utf8');
}

export function readReference(): Reference {
  return JSON.parse(fixtureText('reference.json')) as Reference;
}

/** One number per line, as the `ref_*.txt` and `ph_stream.txt` files. */
export function readVector(name: string): Float64Array {
  const lines = fixtureText(name).trim().split('\n');
  return Float64Array.from(lines, Number);
}

/** The seven feature columns and, when present, the `label` column. */
export function readTable(name: string, dir = FIXTURES_DIR): FixtureTable {
  const [header, ...lines] = fixtureText(name, dir).trim().split('\n');
  const columns = header.split(',');
  const labelAt = columns.indexOf('label');
  const cols = labelAt < 0 ? columns.length : labelAt;
  const data = new Float64Array(lines.length * cols);
  const labels = new Uint8Array(lines.length);
  lines.forEach((line, r) => {
    const cells = line.split(',').map(Number);
    data.set(cells.slice(0, cols), r * cols);
    if (labelAt >= 0) labels[r] = cells[labelAt];
  });
  return { matrix: { rows: lines.length, cols, data }, labels };
}

/** The scaler every reference model saw (normal_training.csv's). */
export function referenceScaler(): StandardScaler {
  const { mean, std } = readReference().scaler;
  return StandardScaler.fromParameters(mean, std);
}

export interface StandardisedFixtures {
  readonly train: FeatureMatrix;
  readonly test: FeatureMatrix;
  readonly testLabels: Uint8Array;
}

/**
 * normal_training.csv and labeled_test.csv, standardised as the reference:
 * as published (rounded to four decimals), or at the full precision the
 * reference vectors were computed on.
 */
export function standardisedFixtures(
  precision: 'published' | 'full' = 'published',
): StandardisedFixtures {
  const dir = precision === 'full' ? FULL_PRECISION_DIR : FIXTURES_DIR;
  const scaler = referenceScaler();
  const test = readTable('labeled_test.csv', dir);
  return {
    train: scaler.transform(readTable('normal_training.csv', dir).matrix),
    test: scaler.transform(test.matrix),
    testLabels: test.labels,
  };
}
