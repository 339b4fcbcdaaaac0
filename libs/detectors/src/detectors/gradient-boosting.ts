import type { Detector, DetectorJson, Labels } from '../core/detector.js';
import { assertFiniteRow, type FeatureMatrix } from '../core/feature-matrix.js';
import { ModelFormatError, NotFittedError } from '../errors.js';
import { growBoostingTree, type GradientData } from '../trees/boosting-tree.js';
import {
  createForestScorer,
  type ForestScorer,
} from '../trees/compiled-forest.js';
import type { FlatForest } from '../trees/flat-forest.js';
import { ForestBuilder } from '../trees/forest-builder.js';
import { forestFromJSON, forestToJSON } from '../trees/forest-json.js';
import { readModelHeader } from '../trees/model-header.js';
import { NodeOrder } from '../trees/node-order.js';
import { sortColumns, type SortedColumns } from '../trees/sorted-columns.js';
import { checkLabels, checkTrainingMatrix } from '../trees/training-data.js';
import {
  DEFAULT_BOOSTING_THRESHOLD,
  parseGradientBoostingOptions,
  type GradientBoostingOptions,
} from './gradient-boosting-options.js';

export const GRADIENT_BOOSTING_VERSION = 1;

/** XGBoost's floor on a row's hessian, so that no leaf divides by zero. */
const MIN_HESSIAN = 1e-16;

/**
 * Gradient-boosted trees with XGBoost's second-order logistic objective
 * (Chen and Guestrin, 2016) and exact greedy split finding: each round fits
 * a tree to the gradient g = p - y and hessian h = p(1 - p) of the log
 * loss at the current margins. The score is sigmoid(base margin + sum of
 * tree outputs): the predicted probability that the row is an anomaly.
 */
export class GradientBoosting implements Detector {
  readonly kind = 'xgboost';
  readonly options: GradientBoostingOptions;
  threshold = DEFAULT_BOOSTING_THRESHOLD;
  private forest: FlatForest | null = null;
  private scorer: ForestScorer | null = null;
  private features = 0;
  private readonly baseMargin: number;

  constructor(options: Partial<GradientBoostingOptions> = {}) {
    this.options = parseGradientBoostingOptions(options);
    this.baseMargin = logit(this.options.baseScore);
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
    const margins = new Float64Array(x.rows).fill(this.baseMargin);
    const builder = new ForestBuilder();
    for (let round = 0; round < this.options.rounds; round++) {
      this.boostRound(builder, columns, checked, margins);
    }
    this.install(builder.build(), x.cols);
  }

  score(row: Float64Array): number {
    if (this.scorer === null) throw new NotFittedError(this.kind);
    assertFiniteRow(row, this.features);
    return sigmoid(this.baseMargin + this.scorer.sum(row));
  }

  predict(row: Float64Array): boolean {
    return this.score(row) >= this.threshold;
  }

  toJSON(): DetectorJson {
    if (this.forest === null) throw new NotFittedError(this.kind);
    return {
      kind: this.kind,
      version: GRADIENT_BOOSTING_VERSION,
      threshold: this.threshold,
      featureCount: this.features,
      options: { ...this.options },
      forest: forestToJSON(this.forest),
    };
  }

  static fromJSON(json: unknown): GradientBoosting {
    const header = readModelHeader(json, 'xgboost', GRADIENT_BOOSTING_VERSION);
    const detector = new GradientBoosting(modelOptions(header.fields.options));
    detector.install(
      forestFromJSON(header.fields.forest, header.featureCount),
      header.featureCount,
    );
    detector.threshold = header.threshold;
    return detector;
  }

  private install(forest: FlatForest, features: number): void {
    this.forest = forest;
    this.scorer = createForestScorer(forest);
    this.features = features;
  }

  /** Grows one tree on the current margins and adds it to them. */
  private boostRound(
    builder: ForestBuilder,
    columns: SortedColumns,
    labels: Labels,
    margins: Float64Array,
  ): void {
    const data: GradientData = {
      columns,
      order: new NodeOrder(columns),
      margins,
      ...logLossDerivatives(margins, labels),
    };
    growBoostingTree(builder, data, this.options);
  }
}

/** g = p - y and h = p(1 - p) of the log loss at each margin. */
function logLossDerivatives(
  margins: Float64Array,
  labels: Labels,
): { grad: Float64Array; hess: Float64Array } {
  const grad = new Float64Array(margins.length);
  const hess = new Float64Array(margins.length);
  for (let i = 0; i < margins.length; i++) {
    const p = sigmoid(margins[i]);
    grad[i] = p - labels[i];
    hess[i] = Math.max(p * (1 - p), MIN_HESSIAN);
  }
  return { grad, hess };
}

function sigmoid(margin: number): number {
  return 1 / (1 + Math.exp(-margin));
}

function logit(probability: number): number {
  return Math.log(probability / (1 - probability));
}

function modelOptions(options: unknown): Partial<GradientBoostingOptions> {
  try {
    return parseGradientBoostingOptions(
      options as Partial<GradientBoostingOptions>,
    );
  } catch (err) {
    throw new ModelFormatError('xgboost options are invalid', err);
  }
}
