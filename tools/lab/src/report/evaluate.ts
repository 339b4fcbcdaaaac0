import { f1Score, precision, recall, rocAuc } from '@hostwatch/detectors';
import type { Dataset, ModelSet, Sample } from '@hostwatch/detectors';

/** One row of `comparison_results.csv`, as in the seed's table. */
export interface DetectorQuality {
  readonly detector: string;
  readonly f1: number;
  readonly roc_auc: number;
  readonly precision: number;
  readonly recall: number;
  /** Mean time to score one sample, milliseconds. */
  readonly latency_ms: number;
}

interface Column {
  readonly scores: Float64Array;
  readonly flags: Float64Array;
  timeUs: number;
}

/**
 * Scores every row of a labelled test set with every member and the
 * ensemble, one sample at a time as the scorer does, and measures quality
 * against the labels. The ensemble's latency is the whole model set's
 * (members, combination and explanation), the others' their own.
 */
export function evaluateModelSet(
  modelSet: ModelSet,
  test: Dataset & { readonly labels: Uint8Array },
): DetectorQuality[] {
  const names = [...modelSet.members, 'ensemble'];
  const columns = new Map(names.map((n) => [n, newColumn(test.rows)]));
  const result = modelSet.createResult();
  warmUp(modelSet, test, result);
  for (let row = 0; row < test.rows; row++) {
    const start = process.hrtime.bigint();
    modelSet.score(sampleOf(test, row), result);
    const totalUs = Number(process.hrtime.bigint() - start) / 1000;
    for (const name of modelSet.members) {
      const verdict = result.detectors[name]!;
      record(columns.get(name)!, row, verdict.score, verdict.flag);
      columns.get(name)!.timeUs += verdict.time_us;
    }
    const ensemble = columns.get('ensemble')!;
    record(ensemble, row, result.ensemble.score, result.ensemble.flag);
    ensemble.timeUs += totalUs;
  }
  return names.map((n) => quality(n, columns.get(n)!, test.labels));
}

/**
 * One untimed pass first, so the timed pass measures compiled code, as a
 * long-running scorer runs it, not the JIT compiling it.
 */
function warmUp(
  modelSet: ModelSet,
  test: Dataset,
  result: ReturnType<ModelSet['createResult']>,
): void {
  for (let row = 0; row < test.rows; row++) {
    modelSet.score(sampleOf(test, row), result);
  }
}

function newColumn(rows: number): Column {
  return {
    scores: new Float64Array(rows),
    flags: new Float64Array(rows),
    timeUs: 0,
  };
}

function record(column: Column, row: number, score: number, flag: boolean) {
  column.scores[row] = score;
  column.flags[row] = flag ? 1 : 0;
}

function quality(
  detector: string,
  column: Column,
  labels: Uint8Array,
): DetectorQuality {
  // Flags are 0/1: at threshold 0.5 the metrics count the flags as given.
  return {
    detector,
    f1: f1Score(labels, column.flags, 0.5),
    roc_auc: rocAuc(labels, column.scores),
    precision: precision(labels, column.flags, 0.5),
    recall: recall(labels, column.flags, 0.5),
    latency_ms: column.timeUs / 1000 / labels.length,
  };
}

/** Row `row` of a data set as a named sample; NaN cells become null. */
export function sampleOf(data: Dataset, row: number): Sample {
  const sample: Record<string, number | null> = {};
  const width = data.features.length;
  data.features.forEach((feature, col) => {
    const value = data.values[row * width + col];
    sample[feature] = Number.isNaN(value) ? null : value;
  });
  return sample;
}
