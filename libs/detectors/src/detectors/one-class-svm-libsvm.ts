import { createRequire } from 'node:module';

import { rowOf, type FeatureMatrix } from '../core/feature-matrix.js';
import { ModelFormatError } from '../errors.js';

/** The part of libsvm-js 0.2.1's SVM class that training uses. */
interface LibsvmModule {
  new (options: Record<string, unknown>): LibsvmModel;
  readonly SVM_TYPES: { readonly ONE_CLASS: string };
  readonly KERNEL_TYPES: { readonly RBF: string };
}

interface LibsvmModel {
  train(samples: number[][], labels: number[]): void;
  getSVIndices(): number[];
  serializeModel(): string;
  free(): void;
}

/** What a one-class libsvm solve yields, in support-vector order. */
export interface LibsvmSolution {
  /** Row of each support vector in the training matrix. */
  readonly supportRows: Int32Array;
  /** alpha of each support vector, in (0, 1]. */
  readonly coefficients: Float64Array;
  /** The offset as libsvm prints it (6 significant digits). */
  readonly printedRho: number;
}

let libsvm: LibsvmModule | null = null;

/**
 * libsvm-js in its asm.js build: the only one that loads synchronously
 * (the WebAssembly build resolves a promise), and `fit` is synchronous.
 * It runs roughly half as fast as the wasm build; training on 3000 rows
 * takes about a second.
 *
 * Loaded on first use, not on import: emscripten's runtime registers an
 * `unhandledRejection` handler that calls `process.exit(1)`, which would
 * silently kill any service that merely imports this library. The handler
 * is removed again right after loading.
 */
function loadLibsvm(): LibsvmModule {
  if (libsvm !== null) return libsvm;
  const before = new Set(process.listeners('unhandledRejection'));
  const require = createRequire(import.meta.url);
  libsvm = require('libsvm-js/asm') as LibsvmModule;
  for (const listener of process.listeners('unhandledRejection')) {
    if (!before.has(listener)) {
      process.removeListener('unhandledRejection', listener);
    }
  }
  return libsvm;
}

/**
 * Solves the one-class SVM dual with libsvm (the solver scikit-learn's
 * OneClassSVM wraps), RBF kernel. libsvm's own predict only says ±1, so
 * the solution is read back from its model text and the row indices.
 *
 * FIXME: the solve costs O(rows²) kernel evaluations and libsvm's kernel
 * cache lives in the emscripten heap, which grows to fit and never
 * shrinks: 3000 rows train in ~1 s within the initial 16 MB, 10 000 rows
 * take ~3.4 s and leave the heap at 67 MB for the life of the process.
 * Training on far more rows needs a subsample first.
 */
export function solveOneClass(
  x: FeatureMatrix,
  nu: number,
  gamma: number,
  tolerance: number,
): LibsvmSolution {
  const SVM = loadLibsvm();
  const svm = new SVM({
    type: SVM.SVM_TYPES.ONE_CLASS,
    kernel: SVM.KERNEL_TYPES.RBF,
    nu,
    gamma,
    tolerance,
    quiet: true,
  });
  try {
    const rows = Array.from({ length: x.rows }, (_, r) =>
      Array.from(rowOf(x, r)),
    );
    svm.train(rows, new Array<number>(x.rows).fill(1));
    return readSolution(svm.serializeModel(), svm.getSVIndices());
  } finally {
    svm.free();
  }
}

/**
 * Reads `rho` and the coefficient column from libsvm's model text:
 *
 *     svm_type one_class / kernel_type rbf / ... / rho 17.1434 / SV
 *     0.89296359215100016 1:-1.32 2:-1.38 ...
 */
export function readSolution(
  text: string,
  supportRows: readonly number[],
): LibsvmSolution {
  const lines = text.trim().split('\n');
  const svAt = lines.indexOf('SV');
  const header = new Map(
    lines.slice(0, svAt).map((line) => {
      const space = line.indexOf(' ');
      return [line.slice(0, space), line.slice(space + 1)] as const;
    }),
  );
  const coefficients = lines
    .slice(svAt + 1)
    .map((line) => Number(line.slice(0, line.indexOf(' '))));
  const printedRho = Number(header.get('rho'));
  if (
    svAt < 0 ||
    header.get('svm_type') !== 'one_class' ||
    coefficients.length !== supportRows.length ||
    !coefficients.every(Number.isFinite) ||
    !Number.isFinite(printedRho)
  ) {
    throw new ModelFormatError(
      `libsvm model text is not a one-class model with ${supportRows.length} support vectors`,
    );
  }
  return {
    supportRows: Int32Array.from(supportRows),
    coefficients: Float64Array.from(coefficients),
    printedRho,
  };
}
