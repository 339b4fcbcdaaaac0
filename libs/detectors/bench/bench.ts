/**
 * Scoring cost of every detector and of the whole scoring path, against
 * the scikit-learn figures a user would compare with.
 *
 *   npm run bench [-- --json] [-- --no-sklearn]
 *
 * Trains every available detector on the fixtures, then times scoring the
 * rows of labeled_test.csv: each detector alone on scaled rows, and the
 * full path (ModelSet.score: vectorise, scale, every member, ensemble,
 * explainer; then PageHinkley.update). With --json the last line is one
 * JSON object of the figures.
 *
 * p50 and p99 are wall-clock; on a shared, loaded machine they also count
 * time spent waiting for other processes. `cpu µs` is the least mean CPU
 * time per call over CPU_REPEATS runs of CPU_PASSES passes over the rows:
 * the figure to compare before and after a change on such a machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import {
  PageHinkley,
  availableDetectors,
  parseDatasetCsv,
  trainModelSet,
} from '../src/index.js';
import type {
  Dataset,
  Detector,
  MemberName,
  ModelSet,
  Sample,
} from '../src/index.js';
import { cpuTimePerCall, percentiles, timePerCall } from './bench-stats.js';
import type { Percentiles } from './bench-stats.js';
import { runSklearnLatency } from './sklearn-reference.js';
import type { SklearnLatency } from './sklearn-reference.js';

/** scikit-learn batched cost per row on the same data (the issue's). */
const SKLEARN_TARGET_US: Readonly<Partial<Record<MemberName, number>>> = {
  isolation_forest: 34.6,
  one_class_svm: 8.1,
  local_outlier_factor: 21.6,
  pca_reconstruction: 0.11,
  random_forest: 15.4,
  xgboost: 1.0,
};
const ENSEMBLE_TARGET_US = 25;

/**
 * Scores before any timing: past the point where a hot forest switches to
 * compiled code (20,000 scores, see HotForestScorer) and V8 has optimised
 * that code (~12,000 more), so every figure is the steady state of a
 * model the scorer uses all the time.
 */
const WARMUP_CALLS = 50_000;
/** Detector timing: batches of 10 rows (see timePerCall). */
const DETECTOR_BATCHES = 3000;
const DETECTOR_BATCH = 10;
/** Full-path timing: single samples, as a scorer sees them. */
const PATH_SAMPLES = 20_000;
/** CPU timing: the best of CPU_REPEATS runs of CPU_PASSES passes. */
const CPU_PASSES = 4;
const CPU_REPEATS = 5;

interface DetectorFigures {
  readonly p50_us: number;
  readonly p99_us: number;
  readonly cpu_us: number;
  readonly train_ms: number;
}

interface Timing extends Percentiles {
  /** Least mean CPU time per call (see cpuTimePerCall). */
  readonly cpu: number;
}

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

function sharedDir(): string {
  const candidates = [join(REPO_ROOT, 'shared'), join(REPO_ROOT, '../shared')];
  const found = candidates.find((dir) =>
    existsSync(join(dir, 'fixtures/normal_training.csv')),
  );
  if (found === undefined) {
    throw new Error(`no fixtures in ${candidates.join(' or ')}`);
  }
  return found;
}

function readFixture(shared: string, name: string): Dataset {
  const path = join(shared, 'fixtures', name);
  return parseDatasetCsv(readFileSync(path, 'utf8'), { source: path });
}

function samplesOf(data: Dataset): Sample[] {
  const width = data.features.length;
  return Array.from({ length: data.rows }, (_, r) =>
    Object.fromEntries(
      data.features.map((name, c) => [name, data.values[r * width + c]]),
    ),
  );
}

function scaledRows(model: ModelSet, data: Dataset): Float64Array[] {
  const cols = data.features.length;
  const scaled = model.scaler.transform({
    rows: data.rows,
    cols,
    data: data.values,
  });
  return Array.from({ length: data.rows }, (_, r) =>
    scaled.data.subarray(r * cols, (r + 1) * cols),
  );
}

function timeDetector(detector: Detector, rows: Float64Array[]): Timing {
  const n = rows.length;
  let sink = 0;
  const run = (i: number): void => {
    sink += detector.score(rows[i % n]);
  };
  for (let i = 0; i < WARMUP_CALLS; i++) run(i);
  const times = timePerCall(run, DETECTOR_BATCHES, DETECTOR_BATCH);
  const cpu = cpuTimePerCall(run, CPU_PASSES * n, CPU_REPEATS);
  if (Number.isNaN(sink)) throw new Error(`${detector.kind} scored NaN`);
  return { ...percentiles(times), cpu };
}

function timeFullPath(model: ModelSet, samples: Sample[]): Timing {
  const out = model.createResult();
  const drift = new PageHinkley();
  const n = samples.length;
  const run = (i: number): void => {
    model.score(samples[i % n], out);
    drift.update(out.ensemble.score);
  };
  for (let i = 0; i < WARMUP_CALLS; i++) run(i);
  const times = timePerCall(run, PATH_SAMPLES, 1);
  const cpu = cpuTimePerCall(run, CPU_PASSES * n, CPU_REPEATS);
  return { ...percentiles(times), cpu };
}

function formatRow(cells: readonly (string | number)[]): string {
  const widths = [22, 10, 10, 10, 11, 13, 13];
  return cells
    .map((cell, i) => {
      const text = typeof cell === 'number' ? cell.toFixed(2) : cell;
      return i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i]);
    })
    .join(' ');
}

function printTable(
  detectors: Readonly<Record<string, DetectorFigures>>,
  ensemble: Timing,
  sklearn: Record<string, SklearnLatency> | undefined,
): void {
  console.log(
    formatRow([
      'detector',
      'p50 µs',
      'p99 µs',
      'cpu µs',
      'train ms',
      'sklearn µs',
      'measured µs',
    ]),
  );
  for (const [name, f] of Object.entries(detectors)) {
    const target = SKLEARN_TARGET_US[name as MemberName];
    const measured = sklearn?.[name]?.batch_us_per_row;
    console.log(
      formatRow([
        name,
        f.p50_us,
        f.p99_us,
        f.cpu_us,
        f.train_ms,
        target === undefined ? '-' : target,
        measured === undefined ? '-' : measured,
      ]),
    );
  }
  console.log(
    formatRow([
      'ensemble (full path)',
      ensemble.p50,
      ensemble.p99,
      ensemble.cpu,
      '-',
      `<= ${ENSEMBLE_TARGET_US}`,
      '-',
    ]),
  );
}

const USAGE = `npm run bench -- [--json] [--no-sklearn]

Trains every detector on the fixtures, then prints each one's p50, p99
and CPU time to score one sample, its training time, and the same for
the whole scoring path (ensemble, explainer, drift test), beside
scikit-learn's cost per row.

  --json         end with one JSON line of the figures
  --no-sklearn   skip running the scikit-learn reference
  --help         this text
`;

function readArgs() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      json: { type: 'boolean', default: false },
      'no-sklearn': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  return values;
}

function main(): void {
  const args = readArgs();
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const shared = sharedDir();
  const normal = readFixture(shared, 'normal_training.csv');
  const labeled = readFixture(shared, 'labeled_training.csv');
  const test = readFixture(shared, 'labeled_test.csv');

  const model = trainModelSet({
    normal,
    labeled,
    detectors: availableDetectors(),
  });
  const rows = scaledRows(model, test);
  const detectors: Record<string, DetectorFigures> = {};
  for (const detector of model.ensemble.members) {
    const { p50, p99, cpu } = timeDetector(detector, rows);
    const train = model.trainMs[detector.kind as MemberName] ?? Number.NaN;
    detectors[detector.kind] = {
      p50_us: p50,
      p99_us: p99,
      cpu_us: cpu,
      train_ms: train,
    };
  }
  const ensemble = timeFullPath(model, samplesOf(test));

  const missing = Object.keys(SKLEARN_TARGET_US).filter(
    (n) => !(n in detectors),
  );
  if (missing.length > 0) console.log(`not available: ${missing.join(', ')}`);
  const sklearn = args['no-sklearn']
    ? { note: 'skipped: --no-sklearn' }
    : runSklearnLatency(shared);
  console.log(`scikit-learn side by side: ${sklearn.note}`);
  printTable(detectors, ensemble, sklearn.latency);
  const members = Object.values(detectors);
  const p50Sum = members.reduce((t, f) => t + f.p50_us, 0);
  const cpuSum = members.reduce((t, f) => t + f.cpu_us, 0);
  console.log(
    `sum of member p50s: ${p50Sum.toFixed(2)} µs, of member cpu: ` +
      `${cpuSum.toFixed(2)} µs; the full path adds vectorising, scaling, ` +
      'clock reads, calibration, explainer and drift',
  );
  console.log(
    `detectors: batches of ${DETECTOR_BATCH} rows, ${DETECTOR_BATCHES} batches; ` +
      `full path: ${PATH_SAMPLES} single samples (score + explain + PageHinkley); ` +
      `cpu: best of ${CPU_REPEATS} runs of ${CPU_PASSES} passes`,
  );

  if (args.json) {
    const json = {
      detectors,
      ensemble: {
        p50_us: ensemble.p50,
        p99_us: ensemble.p99,
        cpu_us: ensemble.cpu,
      },
    };
    console.log(JSON.stringify(json));
  }
}

main();
