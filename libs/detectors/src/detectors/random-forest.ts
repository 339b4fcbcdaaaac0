import type { Detector, DetectorJson, Labels } from '../core/detector.js';
import { assertFiniteRow, type FeatureMatrix } from '../core/feature-matrix.js';
import { Random } from '../core/random.js';
import { ModelFormatError, NotFittedError } from '../errors.js';
import { bootstrapSample } from '../trees/bootstrap.js';
import { growClassificationTree } from '../trees/classification-tree.js';
import type { FlatForest } from '../trees/flat-forest.js';
import { LockstepForest } from '../trees/lockstep-forest.js';
import { ForestBuilder } from '../trees/forest-builder.js';
import { forestFromJSON, forestToJSON } from '../trees/forest-json.js';
import { readModelHeader } from '../trees/model-header.js';
import { NodeOrder } from '../trees/node-order.js';
import { sortColumns, type SortedColumns } from '../trees/sorted-columns.js';
import { checkLabels, checkTrainingMatrix } from '../trees/training-data.js';
import {
  DEFAULT_FOREST_THRESHOLD,
  featuresPerSplit,
  parseRandomForestOptions,
  type RandomForestOptions,
} from './random-forest-options.js';

export const RANDOM_FOREST_VERSION = 1;

/**
 * Random Forest classifier (Breiman, 2001) on labelled rows: bootstrap
 * samples, CART trees grown on Gini impurity with a random subset of
 * features tried at each split, as scikit-learn's RandomForestClassifier.
 * The score is the mean over trees of the leaf's anomaly fraction: the
 * predicted probability that the row is an anomaly.
 */
export class RandomForest implements Detector {
  readonly kind = 'random_forest';
  readonly options: RandomForestOptions;
  threshold = DEFAULT_FOREST_THRESHOLD;
  private forest: FlatForest | null = null;
  private lockstep: LockstepForest | null = null;
  private features = 0;

  constructor(options: Partial<RandomForestOptions> = {}) {
    this.options = parseRandomForestOptions(options);
  }

  get featureCount(): number {
    return this.features;
  }

  get fitted(): boolean {
    return this.forest !== null;
  }

  fit(x: FeatureMatrix, labels?: Labels): void {
    checkTrainingMatrix(this.kind, x, 2);
    const checked = checkLabels(this.kind, labels, x.rows);
    const columns = sortColumns(x);
    const random = new Random(this.options.seed);
    const builder = new ForestBuilder();
    for (let t = 0; t < this.options.trees; t++) {
      this.growTree(builder, columns, checked, new Random(random.fork()));
    }
    this.install(builder.build(), x.cols);
  }

  score(row: Float64Array): number {
    if (this.lockstep === null) throw new NotFittedError(this.kind);
    assertFiniteRow(row, this.features);
    return this.lockstep.sum(row) / this.lockstep.treeCount;
  }

  predict(row: Float64Array): boolean {
    return this.score(row) >= this.threshold;
  }

  toJSON(): DetectorJson {
    if (this.forest === null) throw new NotFittedError(this.kind);
    return {
      kind: this.kind,
      version: RANDOM_FOREST_VERSION,
      threshold: this.threshold,
      featureCount: this.features,
      options: { ...this.options },
      forest: forestToJSON(this.forest),
    };
  }

  static fromJSON(json: unknown): RandomForest {
    const header = readModelHeader(
      json,
      'random_forest',
      RANDOM_FOREST_VERSION,
    );
    const detector = new RandomForest(modelOptions(header.fields.options));
    detector.install(
      forestFromJSON(header.fields.forest, header.featureCount),
      header.featureCount,
    );
    detector.threshold = header.threshold;
    return detector;
  }

  private install(forest: FlatForest, features: number): void {
    this.forest = forest;
    this.lockstep = new LockstepForest(forest);
    this.features = features;
  }

  private growTree(
    builder: ForestBuilder,
    columns: SortedColumns,
    labels: Labels,
    random: Random,
  ): void {
    const weights = bootstrapSample(columns.rows, random);
    const order = new NodeOrder(columns, weights);
    const limits = {
      ...this.options,
      maxFeatures: featuresPerSplit(this.options, columns.cols),
    };
    growClassificationTree(
      builder,
      { columns, order, weights, labels },
      limits,
      random,
    );
  }
}

function modelOptions(options: unknown): Partial<RandomForestOptions> {
  try {
    return parseRandomForestOptions(options as Partial<RandomForestOptions>);
  } catch (err) {
    throw new ModelFormatError('random_forest options are invalid', err);
  }
}
