import { numberOption } from '../trees/option-checks.js';

export interface OneClassSvmOptions {
  /**
   * Upper bound on the share of training rows outside the boundary and
   * lower bound on the share of support vectors, in (0, 1].
   */
  readonly nu: number;
  /** RBF kernel width, exp(-gamma ‖x - y‖²); null means 1 / features. */
  readonly gamma: number | null;
  /** libsvm's stopping tolerance (`-e`), as scikit-learn's `tol`. */
  readonly tolerance: number;
}

export const DEFAULT_OCSVM_NU = 0.05;
export const DEFAULT_OCSVM_TOLERANCE = 1e-3;
/** A row with a negative decision function (score > 0) is an anomaly. */
export const DEFAULT_OCSVM_THRESHOLD = 0;

export function parseOneClassSvmOptions(
  options: Partial<OneClassSvmOptions> = {},
): OneClassSvmOptions {
  const gamma = options.gamma ?? null;
  return Object.freeze({
    nu: numberOption(
      'nu',
      options.nu ?? DEFAULT_OCSVM_NU,
      '(0, 1]',
      (value) => value > 0 && value <= 1,
    ),
    gamma:
      gamma === null
        ? null
        : numberOption('gamma', gamma, 'a number > 0', (value) => value > 0),
    tolerance: numberOption(
      'tolerance',
      options.tolerance ?? DEFAULT_OCSVM_TOLERANCE,
      '(0, 1)',
      (value) => value > 0 && value < 1,
    ),
  });
}
