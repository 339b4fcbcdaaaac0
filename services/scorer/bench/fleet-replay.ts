import type { Dataset } from '@hostwatch/detectors';
import type { MetricSample } from '@hostwatch/transport';

/**
 * Replayed hosts: host h starts at row (h * 37) of the fixture, so hosts
 * differ, and walks the rows in order.
 */
export class FleetReplay {
  private readonly seqs: Int32Array;

  constructor(
    private readonly data: Dataset,
    readonly hosts: number,
  ) {
    this.seqs = new Int32Array(hosts);
  }

  hostName(h: number): string {
    return `bench-${h}`;
  }

  /** The next sample of host `h`, stamped `timestamp`. */
  next(h: number, timestamp: number): MetricSample {
    const seq = ++this.seqs[h];
    const row = (h * 37 + seq) % this.data.rows;
    const width = this.data.features.length;
    const features: Record<string, number | null> = {};
    for (let c = 0; c < width; c++) {
      features[this.data.features[c]] = this.data.values[row * width + c];
    }
    return {
      v: 1,
      host: this.hostName(h),
      seq,
      timestamp,
      features,
      jitter_ms: 0,
    };
  }
}
