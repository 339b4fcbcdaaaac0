/** Most values a reservoir keeps; percentiles beyond it are estimates. */
export const DEFAULT_RESERVOIR_SIZE = 100_000;

/**
 * A uniform sample of a stream of numbers (Vitter's algorithm R) with an
 * exact count and mean, for percentiles in bounded memory.
 */
export class Reservoir {
  private readonly values: number[] = [];
  private seen = 0;
  private sum = 0;

  constructor(
    private readonly capacity = DEFAULT_RESERVOIR_SIZE,
    private readonly random: () => number = Math.random,
  ) {}

  get count(): number {
    return this.seen;
  }

  get mean(): number | null {
    return this.seen === 0 ? null : this.sum / this.seen;
  }

  add(value: number): void {
    this.seen++;
    this.sum += value;
    if (this.values.length < this.capacity) {
      this.values.push(value);
      return;
    }
    const slot = Math.floor(this.random() * this.seen);
    if (slot < this.capacity) this.values[slot] = value;
  }

  /** The q-quantile (0..1) by nearest rank, null when empty. */
  quantile(q: number): number | null {
    if (this.values.length === 0) return null;
    const sorted = [...this.values].sort((a, b) => a - b);
    const rank = Math.ceil(q * sorted.length) - 1;
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? null;
  }
}
