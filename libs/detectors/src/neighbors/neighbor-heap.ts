/**
 * The k smallest distances seen so far, as a max-heap on flat typed arrays
 * so that a query allocates nothing: the root is the current k-th nearest,
 * the bound a search prunes against.
 */
export class NeighborHeap {
  private readonly distances: Float64Array;
  private readonly indices: Int32Array;
  private size = 0;
  private capacity = 0;

  constructor(maxK: number) {
    this.distances = new Float64Array(maxK);
    this.indices = new Int32Array(maxK);
  }

  /** Empties the heap to collect the `k` nearest (k <= maxK). */
  reset(k: number): void {
    this.size = 0;
    this.capacity = k;
  }

  /** The distance a candidate must beat: Infinity until the heap is full. */
  get bound(): number {
    return this.size < this.capacity ? Infinity : this.distances[0];
  }

  get count(): number {
    return this.size;
  }

  /** Offers a candidate; keeps it when it is among the k nearest so far. */
  push(distance: number, index: number): void {
    if (this.size < this.capacity) {
      this.siftUp(this.size++, distance, index);
    } else if (distance < this.distances[0]) {
      this.siftDown(distance, index);
    }
  }

  /**
   * Empties the heap into `indices` and `distances`, nearest first, and
   * returns how many were written.
   */
  drainSorted(indices: Int32Array, distances: Float64Array): number {
    const count = this.size;
    for (let at = count - 1; at >= 0; at--) {
      distances[at] = this.distances[0];
      indices[at] = this.indices[0];
      const last = --this.size;
      if (last > 0) this.siftDown(this.distances[last], this.indices[last]);
    }
    return count;
  }

  private siftUp(at: number, distance: number, index: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.distances[parent] >= distance) break;
      this.distances[at] = this.distances[parent];
      this.indices[at] = this.indices[parent];
      at = parent;
    }
    this.distances[at] = distance;
    this.indices[at] = index;
  }

  /** Replaces the root with the given entry and restores the heap. */
  private siftDown(distance: number, index: number): void {
    const { distances, indices, size } = this;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && distances[child + 1] > distances[child]) child++;
      if (distances[child] <= distance) break;
      distances[at] = distances[child];
      indices[at] = indices[child];
      at = child;
    }
    distances[at] = distance;
    indices[at] = index;
  }
}
