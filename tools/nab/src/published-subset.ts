/**
 * The published detectors' scores on this 18-file subset, as printed in
 * `../shared/datasets/nab/README.md`: standard, low FP, low FN.
 */
export const PUBLISHED_SUBSET_SCORES: ReadonlyMap<
  string,
  readonly [number, number, number]
> = new Map([
  ['ARTime', [67.12, 58.12, 72.74]],
  ['Numenta HTM', [61.3, 54.31, 66.2]],
  ['HTM Java', [59.29, 49.9, 64.86]],
  ['CAD OSE', [50.52, 44.54, 55.02]],
  ['Relative Entropy', [50.0, 38.85, 56.0]],
  ['Random Cut Forest', [47.06, 34.71, 56.7]],
  ['KNN CAD', [43.7, 24.62, 53.14]],
  ['earthgecko Skyline', [34.67, 29.03, 37.78]],
  ['Twitter ADVec', [33.42, 19.53, 39.61]],
  ['random', [27.75, 17.86, 39.88]],
  ['Windowed Gaussian', [12.07, 4.81, 16.04]],
]);

/** The bar for the ensemble: Numenta HTM's standard score. */
export const SUBSET_BAR = { name: 'Numenta HTM', standard: 61.3 };

/** The aim: ARTime's standard score. */
export const SUBSET_AIM = { name: 'ARTime', standard: 67.12 };
