import type { Detector, DetectorJson } from '../core/detector.js';
import {
  assertFiniteRow,
  selectRows,
  type FeatureMatrix,
} from '../core/feature-matrix.js';
import { ModelFormatError, NotFittedError } from '../errors.js';
import {
  countField,
  finiteArrayField,
  finiteField,
  readModelHeader,
} from '../trees/model-header.js';
import { checkTrainingMatrix } from '../trees/training-data.js';
import { solveOneClass } from './one-class-svm-libsvm.js';
import { RbfKernelSum } from './rbf-kernel-sum.js';
import {
  DEFAULT_OCSVM_THRESHOLD,
  parseOneClassSvmOptions,
  type OneClassSvmOptions,
} from './one-class-svm-options.js';

export const ONE_CLASS_SVM_VERSION = 1;

/** The decision function: support vectors, their weights and offset. */
interface SvmModel {
  /** Support vectors, row-major. */
  readonly vectors: FeatureMatrix;
  readonly coefficients: Float64Array;
  readonly rho: number;
  readonly gamma: number;
}

/**
 * One-Class SVM (Schölkopf et al., 2001) with an RBF kernel: a boundary
 * around the normal training data, found by libsvm as in scikit-learn.
 * The score is minus the decision function,
 *
 *     score(x) = rho - Σᵢ αᵢ exp(-gamma ‖svᵢ - x‖²)
 *
 * as scikit-learn's `-decision_function`: negative inside the boundary,
 * positive outside, so the threshold is 0.
 */
export class OneClassSvm implements Detector {
  readonly kind = 'one_class_svm';
  readonly options: OneClassSvmOptions;
  threshold = DEFAULT_OCSVM_THRESHOLD;
  private model: SvmModel | null = null;
  private kernel: RbfKernelSum | null = null;

  constructor(options: Partial<OneClassSvmOptions> = {}) {
    this.options = parseOneClassSvmOptions(options);
  }

  get featureCount(): number {
    return this.model?.vectors.cols ?? 0;
  }

  get fitted(): boolean {
    return this.model !== null;
  }

  /** Number of support vectors (0 before fit). */
  get supportVectorCount(): number {
    return this.model?.vectors.rows ?? 0;
  }

  fit(x: FeatureMatrix): void {
    checkTrainingMatrix(this.kind, x, 2);
    const { nu, tolerance } = this.options;
    const gamma = this.options.gamma ?? 1 / x.cols;
    const solution = solveOneClass(x, nu, gamma, tolerance);
    const vectors = selectRows(x, solution.supportRows);
    const { coefficients } = solution;
    const rho =
      freeVectorRho(vectors, coefficients, gamma) ?? solution.printedRho;
    this.install({ vectors, coefficients, rho, gamma });
  }

  score(row: Float64Array): number {
    const { model, kernel } = this;
    if (model === null || kernel === null) {
      throw new NotFittedError(this.kind);
    }
    assertFiniteRow(row, model.vectors.cols);
    return model.rho - kernel.sum(row);
  }

  predict(row: Float64Array): boolean {
    return this.score(row) >= this.threshold;
  }

  toJSON(): DetectorJson {
    const { model } = this;
    if (model === null) throw new NotFittedError(this.kind);
    return {
      kind: this.kind,
      version: ONE_CLASS_SVM_VERSION,
      threshold: this.threshold,
      featureCount: model.vectors.cols,
      options: { ...this.options },
      gamma: model.gamma,
      rho: model.rho,
      supportVectors: model.vectors.rows,
      coefficients: Array.from(model.coefficients),
      vectors: Array.from(model.vectors.data),
    };
  }

  static fromJSON(json: unknown): OneClassSvm {
    const header = readModelHeader(
      json,
      'one_class_svm',
      ONE_CLASS_SVM_VERSION,
    );
    const { fields, featureCount: cols } = header;
    const detector = new OneClassSvm(modelOptions(fields.options));
    const rows = countField(fields, 'supportVectors');
    detector.install({
      vectors: {
        rows,
        cols,
        data: finiteArrayField(fields, 'vectors', rows * cols),
      },
      coefficients: finiteArrayField(fields, 'coefficients', rows),
      rho: finiteField(fields, 'rho'),
      gamma: finiteField(fields, 'gamma'),
    });
    detector.threshold = header.threshold;
    return detector;
  }

  private install(model: SvmModel): void {
    this.model = model;
    const { vectors, coefficients, gamma } = model;
    this.kernel = new RbfKernelSum(vectors, coefficients, gamma);
  }
}

/** Σᵢ αᵢ exp(-gamma ‖svᵢ - x‖²), without allocating. */
function kernelSum(model: SvmModel, x: ArrayLike<number>): number {
  const { vectors, coefficients, gamma } = model;
  const { data, cols } = vectors;
  let sum = 0;
  for (let i = 0, offset = 0; i < vectors.rows; i++, offset += cols) {
    let distance = 0;
    for (let c = 0; c < cols; c++) {
      const d = data[offset + c] - x[c];
      distance += d * d;
    }
    sum += coefficients[i] * Math.exp(-gamma * distance);
  }
  return sum;
}

/**
 * libsvm prints rho to 6 significant digits only. Its solver sets rho to
 * the mean kernel sum over the free support vectors (0 < α < 1), so it is
 * recomputed here in full precision; with no free vector (rare) the
 * printed value is kept.
 */
function freeVectorRho(
  vectors: FeatureMatrix,
  coefficients: Float64Array,
  gamma: number,
): number | null {
  const model = { vectors, coefficients, rho: 0, gamma };
  let sum = 0;
  let free = 0;
  for (let i = 0; i < vectors.rows; i++) {
    if (coefficients[i] <= 0 || coefficients[i] >= 1) continue;
    const start = i * vectors.cols;
    sum += kernelSum(model, vectors.data.subarray(start, start + vectors.cols));
    free++;
  }
  return free === 0 ? null : sum / free;
}

function modelOptions(options: unknown): Partial<OneClassSvmOptions> {
  try {
    return parseOneClassSvmOptions(options as Partial<OneClassSvmOptions>);
  } catch (err) {
    throw new ModelFormatError('one_class_svm options are invalid', err);
  }
}
