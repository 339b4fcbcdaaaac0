export const DEFAULT_RECONNECT_MIN_MS = 250;
export const DEFAULT_RECONNECT_MAX_MS = 5_000;

/**
 * Exponential reconnect delays with full jitter: min, 2·min, 4·min ... up
 * to max, each drawn uniformly from its upper half. `reset()` after a
 * successful reconnect starts again from min.
 */
export class ReconnectBackoff {
  private attempt = 0;

  constructor(
    private readonly minMs = DEFAULT_RECONNECT_MIN_MS,
    private readonly maxMs = DEFAULT_RECONNECT_MAX_MS,
    private readonly random: () => number = Math.random,
  ) {}

  get attempts(): number {
    return this.attempt;
  }

  next(): number {
    const ceiling = Math.min(this.maxMs, this.minMs * 2 ** this.attempt);
    this.attempt++;
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  reset(): void {
    this.attempt = 0;
  }
}
