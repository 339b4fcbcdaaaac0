/**
 * Exact k-nearest-neighbour search (Euclidean) over a fixed set of points.
 * `query` allocates nothing: it fills the caller's buffers.
 */
export interface NeighborIndex {
  /** How many points the index holds. */
  readonly size: number;
  readonly dims: number;
  /**
   * Writes the indices and Euclidean distances of the `k` points nearest
   * to `point`, nearest first, and returns how many it wrote:
   * min(k, size). `k` is at most the `maxK` the index was built with.
   */
  query(
    point: ArrayLike<number>,
    k: number,
    indices: Int32Array,
    distances: Float64Array,
  ): number;
}
