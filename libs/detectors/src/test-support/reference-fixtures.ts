import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { StandardScaler } from '../core/standard-scaler.js';
import type { FeatureMatrix } from '../core/feature-matrix.js';

/**
 * Reads the scikit-learn reference fixtures (shared/fixtures/README.md) for
 * known-answer tests. Looks for `shared/fixtures` in the checkout first,
 * then at the workstation's `/work/shared/fixtures`.
 */
const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const CANDIDATES = [
  join(REPO_ROOT, 'shared/fixtures'),
  '/work/shared/fixtures',
];

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

function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name), 'utf8');
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
export function readTable(name: string): FixtureTable {
  const [header, ...lines] = fixtureText(name).trim().split('\n');
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

/** normal_training.csv and labeled_test.csv, standardised as the reference. */
export function standardisedFixtures(): {
  readonly train: FeatureMatrix;
  readonly test: FeatureMatrix;
  readonly testLabels: Uint8Array;
} {
  const scaler = referenceScaler();
  const test = readTable('labeled_test.csv');
  return {
    train: scaler.transform(readTable('normal_training.csv').matrix),
    test: scaler.transform(test.matrix),
    testLabels: test.labels,
  };
}
