/** One tick: `jitterMs` is the actual minus the planned time. */
export type TickHandler = (jitterMs: number) => void;

/**
 * Calls `onTick` every `intervalMs` on a fixed schedule (start + k x
 * interval, on the monotonic clock), so that lateness does not accumulate.
 * Ticks missed altogether (the process was paused) are skipped, not
 * replayed in a burst; `missed` counts them.
 */
export class Ticker {
  private timer: NodeJS.Timeout | undefined;
  private planned = 0;
  private missedTicks = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly onTick: TickHandler,
  ) {}

  get missed(): number {
    return this.missedTicks;
  }

  /** The first tick is one interval from now. */
  start(): void {
    this.planned = performance.now() + this.intervalMs;
    this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    const delay = Math.max(0, this.planned - performance.now());
    this.timer = setTimeout(() => this.fire(), delay);
  }

  private fire(): void {
    const now = performance.now();
    this.onTick(now - this.planned);
    this.planned += this.intervalMs;
    const behind = Math.floor(
      (performance.now() - this.planned) / this.intervalMs,
    );
    if (behind >= 0) {
      this.missedTicks += behind + 1;
      this.planned += (behind + 1) * this.intervalMs;
    }
    if (this.timer !== undefined) this.schedule();
  }
}
