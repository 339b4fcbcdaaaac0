/**
 * Connection state of a bus, for publishers that buffer while the
 * transport is away (the collector) and for readiness probes. Additive to
 * `Bus`: both `NatsBus` and `InProcessBus` implement it; type a bus as
 * `Bus & BusStatus` where the state matters.
 */
export interface BusStatus {
  /** True while publishes can reach the transport. */
  readonly connected: boolean;
  /** Calls `listener` on every state change; returns the unsubscribe. */
  onStatus(listener: BusStatusListener): () => void;
}

export type BusStatusListener = (event: BusStatusEvent) => void;

export type BusStatusEvent =
  | { readonly type: 'connected' }
  | { readonly type: 'disconnected' }
  | { readonly type: 'reconnecting'; readonly attempt: number }
  | { readonly type: 'reconnected' }
  | { readonly type: 'error'; readonly error: Error }
  | { readonly type: 'closed' };

/** Fans status events out to listeners; a throwing listener is skipped. */
export class StatusEmitter {
  private readonly listeners = new Set<BusStatusListener>();

  on(listener: BusStatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: BusStatusEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure is its own; the bus keeps going.
      }
    }
  }
}
