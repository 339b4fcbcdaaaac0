import type { Detector, DetectorJson } from '../core/detector.js';
import {
  assertFiniteRow,
  rowOf,
  type FeatureMatrix,
} from '../core/feature-matrix.js';
import { ModelFormatError, NotFittedError } from '../errors.js';
import { createNeighborIndex } from '../neighbors/create-neighbor-index.js';
import type { NeighborIndex } from '../neighbors/neighbor-index.js';
import {
  countField,
  finiteArrayField,
  readModelHeader,
} from '../trees/model-header.js';
import { checkTrainingMatrix } from '../trees/training-data.js';
import {
  parseLocalOutlierFactorOptions,
  type LocalOutlierFactorOptions,
} from './local-outlier-factor-options.js';

export const LOCAL_OUTLIER_FACTOR_VERSION = 1;

/** scikit-learn adds this to every mean reachability distance. */
const REACH_EPSILON = 1e-10;

/** What a fitted LOF keeps: the training points and their densities. */
interface LofModel {
  readonly points: FeatureMatrix;
  /** Distance from each training point to its k-th neighbour. */
  readonly kDistances: Float64Array;
  /** Local reachability density of each training point. */
  readonly densities: Float64Array;
}

/**
 * Local Outlier Factor (Breunig et al., 2000) in novelty mode: fitted on
 * normal data, it scores a new sample by how much sparser its neighbourhood
 * is than its neighbours' own, as scikit-learn's `novelty=True`
 * `-score_samples`. About 1 inside the data, well above 1 for outliers.
 *
 * FIXME: the model is the training set itself. Its JSON holds every
 * training value (3000 x 7 rows: ~0.4 MB), and with many independent
 * features (see `createNeighborIndex`) each score scans all of them: at
 * 100 000 rows x 38 features that is a few milliseconds per sample and a
 * ~70 MB model file. Train LOF on a sample of the normal data when the
 * set is that large.
 */
export class LocalOutlierFactor implements Detector {
  readonly kind = 'local_outlier_factor';
  readonly options: LocalOutlierFactorOptions;
  threshold: number;
  private model: LofModel | null = null;
  private index: NeighborIndex | null = null;
  private readonly neighbors: Int32Array;
  private readonly distances: Float64Array;

  constructor(options: Partial<LocalOutlierFactorOptions> = {}) {
    this.options = parseLocalOutlierFactorOptions(options);
    this.threshold = this.options.threshold;
    this.neighbors = new Int32Array(this.options.k + 1);
    this.distances = new Float64Array(this.options.k + 1);
  }

  get featureCount(): number {
    return this.model?.points.cols ?? 0;
  }

  get fitted(): boolean {
    return this.model !== null;
  }

  fit(x: FeatureMatrix): void {
    checkTrainingMatrix(this.kind, x, this.options.k + 1);
    const points = { rows: x.rows, cols: x.cols, data: x.data.slice() };
    const index = createNeighborIndex(points, this.options.k + 1);
    const graph = this.trainingNeighbors(points, index);
    const densities = reachDensities(graph, this.options.k);
    this.install({ points, kDistances: graph.kDistances, densities }, index);
  }

  /** The LOF of `row`: mean neighbour density over the row's own. */
  score(row: Float64Array): number {
    const { model, index } = this;
    if (model === null || index === null) throw new NotFittedError(this.kind);
    assertFiniteRow(row, model.points.cols);
    const { k } = this.options;
    const { neighbors, distances } = this;
    index.query(row, k, neighbors, distances);
    let reach = 0;
    for (let i = 0; i < k; i++) {
      reach += Math.max(distances[i], model.kDistances[neighbors[i]]);
    }
    const density = 1 / (reach / k + REACH_EPSILON);
    let ratios = 0;
    for (let i = 0; i < k; i++) {
      ratios += model.densities[neighbors[i]] / density;
    }
    return ratios / k;
  }

  predict(row: Float64Array): boolean {
    return this.score(row) >= this.threshold;
  }

  toJSON(): DetectorJson {
    const { model } = this;
    if (model === null) throw new NotFittedError(this.kind);
    return {
      kind: this.kind,
      version: LOCAL_OUTLIER_FACTOR_VERSION,
      threshold: this.threshold,
      featureCount: model.points.cols,
      k: this.options.k,
      rows: model.points.rows,
      points: Array.from(model.points.data),
      kDistances: Array.from(model.kDistances),
      densities: Array.from(model.densities),
    };
  }

  static fromJSON(json: unknown): LocalOutlierFactor {
    const header = readModelHeader(
      json,
      'local_outlier_factor',
      LOCAL_OUTLIER_FACTOR_VERSION,
    );
    const { fields, featureCount: cols } = header;
    const k = countField(fields, 'k');
    const detector = new LocalOutlierFactor(modelOptions(k));
    detector.threshold = header.threshold;
    const rows = countField(fields, 'rows');
    if (rows <= k) {
      throw new ModelFormatError(`rows ${rows}: expected more than k (${k})`);
    }
    const points = {
      rows,
      cols,
      data: finiteArrayField(fields, 'points', rows * cols),
    };
    const model = {
      points,
      kDistances: finiteArrayField(fields, 'kDistances', rows),
      densities: finiteArrayField(fields, 'densities', rows),
    };
    detector.install(model, createNeighborIndex(points, k + 1));
    return detector;
  }

  private install(model: LofModel, index: NeighborIndex): void {
    this.model = model;
    this.index = index;
  }

  /** Each training point's k neighbours among the others (not itself). */
  private trainingNeighbors(
    points: FeatureMatrix,
    index: NeighborIndex,
  ): NeighborGraph {
    const { k } = this.options;
    const graph = createGraph(points.rows, k);
    const { neighbors, distances } = this;
    for (let r = 0; r < points.rows; r++) {
      index.query(rowOf(points, r), k + 1, neighbors, distances);
      dropSelf(r, neighbors, distances, k + 1);
      graph.neighbors.set(neighbors.subarray(0, k), r * k);
      graph.distances.set(distances.subarray(0, k), r * k);
      graph.kDistances[r] = distances[k - 1];
    }
    return graph;
  }
}

/** k neighbours per training point, row-major, nearest first. */
interface NeighborGraph {
  readonly neighbors: Int32Array;
  readonly distances: Float64Array;
  readonly kDistances: Float64Array;
}

function createGraph(rows: number, k: number): NeighborGraph {
  return {
    neighbors: new Int32Array(rows * k),
    distances: new Float64Array(rows * k),
    kDistances: new Float64Array(rows),
  };
}

/**
 * Removes the query point itself from its own neighbour list. When more
 * than k + 1 duplicates tie at distance 0 the point may not be listed;
 * then the first entry goes instead, as scikit-learn does.
 */
function dropSelf(
  self: number,
  neighbors: Int32Array,
  distances: Float64Array,
  count: number,
): void {
  const found = neighbors.subarray(0, count).indexOf(self);
  const at = found < 0 ? 0 : found;
  neighbors.copyWithin(at, at + 1, count);
  distances.copyWithin(at, at + 1, count);
}

/**
 * Local reachability density: 1 / mean over neighbours o of
 * max(k-distance(o), d(p, o)), plus scikit-learn's 1e-10.
 */
function reachDensities(graph: NeighborGraph, k: number): Float64Array {
  const rows = graph.kDistances.length;
  const densities = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let reach = 0;
    for (let i = r * k; i < (r + 1) * k; i++) {
      const o = graph.neighbors[i];
      reach += Math.max(graph.distances[i], graph.kDistances[o]);
    }
    densities[r] = 1 / (reach / k + REACH_EPSILON);
  }
  return densities;
}

function modelOptions(k: number): Partial<LocalOutlierFactorOptions> {
  try {
    return parseLocalOutlierFactorOptions({ k });
  } catch (err) {
    throw new ModelFormatError('local_outlier_factor options are invalid', err);
  }
}
