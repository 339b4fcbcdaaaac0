/** The q-quantile (0..1) of values, nearest rank; NaN when empty. */
export function quantile(values: Float64Array, q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, rank)];
}

/** Collects latencies without allocating per value. */
export class LatencyLog {
  private values = new Float64Array(1024);
  private count = 0;

  add(ms: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = ms;
  }

  get size(): number {
    return this.count;
  }

  quantile(q: number): number {
    return quantile(this.values.subarray(0, this.count), q);
  }
}
