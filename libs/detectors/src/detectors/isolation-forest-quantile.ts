/**
 * The q-quantile of `values` with linear interpolation between order
 * statistics (numpy's default), used for the threshold that `fit` derives
 * from the training scores. Sorts `values` in place.
 */
export function quantile(values: Float64Array, q: number): number {
  values.sort();
  const position = q * (values.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, values.length - 1);
  const weight = position - below;
  return values[below] + weight * (values[above] - values[below]);
}
