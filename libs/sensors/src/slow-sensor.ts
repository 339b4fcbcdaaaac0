import type {
  SensorEventListener,
  SensorTimingListener,
} from './sensor-events.js';

export interface SlowSensorOptions<T> {
  readonly name: string;
  readonly read: () => Promise<T>;
  /** Pause between the end of one read and the start of the next, ms. */
  readonly intervalMs: number;
  /** A read still pending after this long is reported hung, ms. */
  readonly hangTimeoutMs: number;
  /** A reading older than this is no longer served, ms. */
  readonly staleAfterMs: number;
  readonly onEvent: SensorEventListener;
  readonly onTiming: SensorTimingListener;
}

/**
 * A sensor too slow to read on the sampling path (a temperature, a
 * `nvidia-smi` call, a process scan), refreshed by its own loop. The sample
 * path only takes the latest value and its age, so a slow or hanging read
 * never delays a sample. One read at a time: a hung read is reported once
 * and waited out, never piled up on.
 */
export class SlowSensor<T> {
  private value: T | null = null;
  private valueAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private failing = false;
  private hung = false;

  constructor(private readonly options: SlowSensorOptions<T>) {}

  get name(): string {
    return this.options.name;
  }

  /** Starts the loop; resolves after the first read settles. */
  start(): Promise<void> {
    this.running = true;
    return this.cycle();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  /** The latest value, or null when there is none or it went stale. */
  latest(now = performance.now()): T | null {
    const age = this.ageMs(now);
    return age !== null && age <= this.options.staleAfterMs ? this.value : null;
  }

  /** How old the latest value is, ms; null before the first success. */
  ageMs(now = performance.now()): number | null {
    return this.value === null ? null : Math.max(0, now - this.valueAt);
  }

  private async cycle(): Promise<void> {
    await this.readOnce();
    if (!this.running) return;
    this.timer = setTimeout(() => void this.cycle(), this.options.intervalMs);
    this.timer.unref();
  }

  private async readOnce(): Promise<void> {
    const started = performance.now();
    const watchdog = setTimeout(
      () => this.reportHung(),
      this.options.hangTimeoutMs,
    );
    watchdog.unref();
    try {
      const value = await this.options.read();
      this.value = value;
      this.valueAt = performance.now();
      this.reportHealthy();
    } catch (error) {
      this.reportFailed(error);
    } finally {
      clearTimeout(watchdog);
      this.options.onTiming(this.name, performance.now() - started);
    }
  }

  private reportHung(): void {
    this.hung = true;
    const { name, hangTimeoutMs } = this.options;
    this.options.onEvent({
      type: 'hung',
      sensor: name,
      timeoutMs: hangTimeoutMs,
    });
  }

  private reportFailed(error: unknown): void {
    if (this.failing) return;
    this.failing = true;
    this.options.onEvent({ type: 'failed', sensor: this.name, error });
  }

  private reportHealthy(): void {
    if (!this.failing && !this.hung) return;
    this.failing = false;
    this.hung = false;
    this.options.onEvent({ type: 'recovered', sensor: this.name });
  }
}
