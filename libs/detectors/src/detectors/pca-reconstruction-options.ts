import { InvalidOptionError } from '../errors.js';
import { integerOption, numberOption } from '../trees/option-checks.js';

export interface PcaReconstructionOptions {
  /** Principal components kept; null when `varianceFraction` decides. */
  readonly components: number | null;
  /**
   * Keep the fewest components that explain at least this share of the
   * training variance, in (0, 1]; null to keep `components`.
   */
  readonly varianceFraction: number | null;
  /**
   * Share of the training rows expected to be anomalous: `fit` sets the
   * threshold to the (1 - contamination) quantile of the training scores.
   */
  readonly contamination: number;
}

export const DEFAULT_PCA_COMPONENTS = 3;
/**
 * 5 % of normal training rows score above the threshold, the same
 * false-alarm budget as Isolation Forest's default.
 */
export const DEFAULT_PCA_CONTAMINATION = 0.05;

/** Give `components` or `varianceFraction`, not both; neither means 3. */
export function parsePcaReconstructionOptions(
  options: Partial<PcaReconstructionOptions> = {},
): PcaReconstructionOptions {
  const { components = null, varianceFraction = null } = options;
  if (components !== null && varianceFraction !== null) {
    throw new InvalidOptionError(
      `components ${components} and varianceFraction ${varianceFraction} ` +
        'both given: expected one of them',
    );
  }
  return Object.freeze({
    components:
      varianceFraction === null
        ? integerOption('components', components ?? DEFAULT_PCA_COMPONENTS, 1)
        : null,
    varianceFraction:
      varianceFraction === null
        ? null
        : numberOption(
            'varianceFraction',
            varianceFraction,
            '(0, 1]',
            (value) => value > 0 && value <= 1,
          ),
    contamination: numberOption(
      'contamination',
      options.contamination ?? DEFAULT_PCA_CONTAMINATION,
      '(0, 0.5]',
      (value) => value > 0 && value <= 0.5,
    ),
  });
}
