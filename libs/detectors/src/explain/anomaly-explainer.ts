import { FeatureCountError, InvalidOptionError } from '../errors.js';

/**
 * One of the features that deviate most from the training data: the raw
 * value and its z-score. Same shape as the transport's FeatureDeviation.
 */
export interface FeatureDeviation {
  feature: string;
  value: number;
  z: number;
}

export interface AnomalyExplainerOptions {
  /** How many features to report, >= 1. */
  readonly top?: number;
}

export const DEFAULT_EXPLAINER_TOP = 3;

export function parseAnomalyExplainerOptions(
  options: AnomalyExplainerOptions = {},
): Required<AnomalyExplainerOptions> {
  const { top = DEFAULT_EXPLAINER_TOP } = options;
  if (!(Number.isInteger(top) && top >= 1)) {
    throw new InvalidOptionError(
      `top ${top} is out of range: expected an integer >= 1`,
    );
  }
  return Object.freeze({ top });
}

/**
 * Says which features make a sample unusual: the `top` features with the
 * largest |z| (z-scores against the training mean and std), largest first,
 * earlier features first on a tie.
 *
 * `explain` runs per sample and allocates nothing: it refills and returns
 * the same array of the same objects every call, so a caller that keeps a
 * result past the next call must copy it.
 */
export class AnomalyExplainer {
  readonly features: readonly string[];
  private readonly ranked: Int32Array;
  private readonly result: FeatureDeviation[];

  constructor(features: readonly string[], options?: AnomalyExplainerOptions) {
    if (features.length === 0) {
      throw new InvalidOptionError(
        'features is empty: expected at least one feature name',
      );
    }
    const { top } = parseAnomalyExplainerOptions(options);
    this.features = [...features];
    const size = Math.min(top, features.length);
    this.ranked = new Int32Array(size);
    this.result = Array.from({ length: size }, () => ({
      feature: '',
      value: 0,
      z: 0,
    }));
  }

  /** The top features of one sample; the array is reused (see above). */
  explain(
    z: ArrayLike<number>,
    raw: ArrayLike<number>,
  ): readonly FeatureDeviation[] {
    if (z.length !== this.features.length) {
      throw new FeatureCountError(z.length, this.features.length);
    }
    const filled = this.rank(z);
    for (let i = 0; i < filled; i++) {
      const entry = this.result[i];
      const c = this.ranked[i];
      entry.feature = this.features[c];
      entry.value = raw[c];
      entry.z = z[c];
    }
    return this.result;
  }

  /** Insertion into a short sorted list of column indices by |z|. */
  private rank(z: ArrayLike<number>): number {
    const ranked = this.ranked;
    let filled = 0;
    for (let c = 0; c < z.length; c++) {
      const size = Math.abs(z[c]);
      let at = filled;
      while (at > 0 && Math.abs(z[ranked[at - 1]]) < size) at--;
      if (at >= ranked.length) continue;
      const last = Math.min(filled, ranked.length - 1);
      for (let i = last; i > at; i--) ranked[i] = ranked[i - 1];
      ranked[at] = c;
      if (filled < ranked.length) filled++;
    }
    return filled;
  }
}
