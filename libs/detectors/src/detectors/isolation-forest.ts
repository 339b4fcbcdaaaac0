import type { Detector, DetectorJson } from '../core/detector.js';
import { assertFiniteRow, type FeatureMatrix } from '../core/feature-matrix.js';
import { Random } from '../core/random.js';
import { ModelFormatError, NotFittedError } from '../errors.js';
import { averagePathLength } from '../trees/average-path-length.js';
import { ForestBuilder } from '../trees/forest-builder.js';
import { forestFromJSON, forestToJSON } from '../trees/forest-json.js';
import type { FlatForest } from '../trees/flat-forest.js';
import { LockstepForest } from '../trees/lockstep-forest.js';
import { growIsolationTree } from '../trees/isolation-tree.js';
import { countField, readModelHeader } from '../trees/model-header.js';
import { checkTrainingMatrix } from '../trees/training-data.js';
import {
  parseIsolationForestOptions,
  type IsolationForestOptions,
} from './isolation-forest-options.js';
import { quantile } from './isolation-forest-quantile.js';

export const ISOLATION_FOREST_VERSION = 1;

/** scikit-learn's cut-off for contamination 'auto', used before `fit`. */
const UNFITTED_THRESHOLD = 0.5;

/**
 * Isolation Forest (Liu, Ting and Zhou, 2008). Anomalies are few and
 * different, so random cuts isolate them in fewer steps. The score is
 * 2^(-E[h(x)] / c(psi)) in (0, 1], as scikit-learn's `-score_samples`:
 * around 0.5 for ordinary rows, towards 1 for anomalies.
 */
export class IsolationForest implements Detector {
  readonly kind = 'isolation_forest';
  readonly options: IsolationForestOptions;
  threshold = UNFITTED_THRESHOLD;
  private forest: FlatForest | null = null;
  private lockstep: LockstepForest | null = null;
  private features = 0;
  private sampleSize = 0;
  /** trees x c(sampleSize): turns a sum of path lengths into E[h]/c. */
  private normaliser = 1;

  constructor(options: Partial<IsolationForestOptions> = {}) {
    this.options = parseIsolationForestOptions(options);
  }

  get featureCount(): number {
    return this.features;
  }

  get fitted(): boolean {
    return this.forest !== null;
  }

  fit(x: FeatureMatrix): void {
    checkTrainingMatrix(this.kind, x, 2);
    const { trees, seed } = this.options;
    const sampleSize = Math.min(this.options.sampleSize, x.rows);
    const maxDepth = Math.ceil(Math.log2(sampleSize));
    const random = new Random(seed);
    const builder = new ForestBuilder();
    for (let t = 0; t < trees; t++) {
      const sample = Int32Array.from(
        random.sampleWithoutReplacement(x.rows, sampleSize),
      );
      growIsolationTree(builder, x, sample, maxDepth, random);
    }
    this.install(builder.build(), x.cols, sampleSize);
    this.threshold = this.trainingThreshold(x);
  }

  score(row: Float64Array): number {
    if (this.lockstep === null) throw new NotFittedError(this.kind);
    assertFiniteRow(row, this.features);
    return 2 ** (-this.lockstep.sum(row) / this.normaliser);
  }

  predict(row: Float64Array): boolean {
    return this.score(row) >= this.threshold;
  }

  toJSON(): DetectorJson {
    if (this.forest === null) throw new NotFittedError(this.kind);
    return {
      kind: this.kind,
      version: ISOLATION_FOREST_VERSION,
      threshold: this.threshold,
      featureCount: this.features,
      options: { ...this.options },
      sampleSize: this.sampleSize,
      forest: forestToJSON(this.forest),
    };
  }

  static fromJSON(json: unknown): IsolationForest {
    const header = readModelHeader(
      json,
      'isolation_forest',
      ISOLATION_FOREST_VERSION,
    );
    const { fields } = header;
    const detector = new IsolationForest(modelOptions(fields.options));
    detector.install(
      forestFromJSON(fields.forest, header.featureCount),
      header.featureCount,
      countField(fields, 'sampleSize'),
    );
    detector.threshold = header.threshold;
    return detector;
  }

  private install(forest: FlatForest, features: number, sampleSize: number) {
    this.forest = forest;
    this.lockstep = new LockstepForest(forest);
    this.features = features;
    this.sampleSize = sampleSize;
    this.normaliser = this.lockstep.treeCount * averagePathLength(sampleSize);
  }

  private trainingThreshold(x: FeatureMatrix): number {
    const scores = new Float64Array(x.rows);
    for (let r = 0; r < x.rows; r++) {
      scores[r] = this.score(x.data.subarray(r * x.cols, (r + 1) * x.cols));
    }
    return quantile(scores, 1 - this.options.contamination);
  }
}

function modelOptions(options: unknown): Partial<IsolationForestOptions> {
  try {
    return parseIsolationForestOptions(
      options as Partial<IsolationForestOptions>,
    );
  } catch (err) {
    throw new ModelFormatError('isolation_forest options are invalid', err);
  }
}
