import type { Dataset } from '@hostwatch/detectors';

/**
 * A fixed-capacity ring of sample rows over a fixed feature list: the
 * warm-up window of a host and then its rolling window of recent
 * normal-looking samples. Rows are float32 (a sensor reading has far fewer
 * significant digits) and a missing value is NaN, as in a `Dataset`.
 * Memory is `capacity * features * 4` bytes plus the first-timestamp ring.
 */
export class SampleWindow {
  readonly capacity: number;
  readonly features: readonly string[];
  private readonly rows: Float32Array;
  private readonly times: Float64Array;
  private next = 0;
  private count = 0;

  constructor(features: readonly string[], capacity: number) {
    this.features = features;
    this.capacity = capacity;
    this.rows = new Float32Array(capacity * features.length);
    this.times = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  get full(): boolean {
    return this.count === this.capacity;
  }

  /** Sample time from the oldest row kept to the newest, ms. */
  get spanMs(): number {
    if (this.count === 0) return 0;
    const newest = this.times[(this.next + this.capacity - 1) % this.capacity];
    const oldest = this.times[this.full ? this.next : 0];
    return newest - oldest;
  }

  /** Adds a row, overwriting the oldest when full. */
  push(features: Readonly<Record<string, number | null>>, time: number): void {
    const width = this.features.length;
    const base = this.next * width;
    for (let c = 0; c < width; c++) {
      const value = features[this.features[c]];
      this.rows[base + c] = typeof value === 'number' ? value : Number.NaN;
    }
    this.times[this.next] = time;
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  /** The rows kept, oldest first, as a data set to fit on (a copy). */
  toDataset(): Dataset {
    const width = this.features.length;
    const values = new Float64Array(this.count * width);
    const start = this.full ? this.next : 0;
    for (let i = 0; i < this.count; i++) {
      const from = ((start + i) % this.capacity) * width;
      for (let c = 0; c < width; c++) {
        values[i * width + c] = this.rows[from + c];
      }
    }
    return { features: this.features, rows: this.count, values };
  }

  /** Bytes held by the typed arrays. */
  get byteLength(): number {
    return this.rows.byteLength + this.times.byteLength;
  }
}
