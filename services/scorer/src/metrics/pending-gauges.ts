import type { Gauge } from 'prom-client';

export type GaugeChild = ReturnType<Gauge<string>['labels']>;

interface Slot {
  readonly child: GaugeChild;
  value: number;
  fresh: boolean;
}

/**
 * The newest value of each of one host's gauges (one per detector, or one
 * per feature), held until the next scrape writes them. The numbers are
 * copied out of each result into slots made once per name: holding the
 * result itself until the scrape kept it alive through two young-generation
 * collections, so every result was promoted and, at 1,000 samples/s, the
 * old generation grew ~2.4 MB/s and a major collection paused the scorer
 * for 10-25 ms every few seconds. A name set twice between scrapes keeps
 * the second value; a name not set keeps its gauge as it was.
 */
export class PendingGauges {
  private readonly slots = new Map<string, Slot>();

  constructor(private readonly childOf: (name: string) => GaugeChild) {}

  set(name: string, value: number): void {
    let slot = this.slots.get(name);
    if (slot === undefined) {
      slot = { child: this.childOf(name), value: 0, fresh: false };
      this.slots.set(name, slot);
    }
    slot.value = value;
    slot.fresh = true;
  }

  /** Writes every value set since the last flush to its gauge. */
  flush(): void {
    for (const slot of this.slots.values()) {
      if (!slot.fresh) continue;
      slot.child.set(slot.value);
      slot.fresh = false;
    }
  }

  /** Every name ever set, to remove their series. */
  names(): IterableIterator<string> {
    return this.slots.keys();
  }
}
