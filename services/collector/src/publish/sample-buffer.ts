import type { MetricSample } from '@hostwatch/transport';

/**
 * The samples not yet acknowledged by the stream, oldest first, bounded:
 * while the bus is away the collector keeps sampling into it, and when it
 * is full the oldest sample makes room for the newest (the recent past is
 * what a person diagnosing the host wants) and is counted as dropped.
 */
export class SampleBuffer {
  private readonly slots: (MetricSample | undefined)[];
  private head = 0;
  private size = 0;
  private droppedCount = 0;

  constructor(readonly capacity: number) {
    this.slots = new Array<MetricSample | undefined>(capacity);
  }

  get depth(): number {
    return this.size;
  }

  get full(): boolean {
    return this.size === this.capacity;
  }

  /** Samples dropped to make room, since the buffer was made. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Adds at the tail; returns the sample dropped to make room, if any. */
  push(sample: MetricSample): MetricSample | undefined {
    let evicted: MetricSample | undefined;
    if (this.size === this.capacity) {
      evicted = this.shift();
      this.droppedCount++;
    }
    this.slots[(this.head + this.size) % this.capacity] = sample;
    this.size++;
    return evicted;
  }

  peek(): MetricSample | undefined {
    return this.size === 0 ? undefined : this.slots[this.head];
  }

  /** Removes the head if it is still `sample` (it may have been dropped). */
  remove(sample: MetricSample): void {
    if (this.peek() === sample) this.shift();
  }

  private shift(): MetricSample | undefined {
    const sample = this.slots[this.head];
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) % this.capacity;
    this.size--;
    return sample;
  }
}
