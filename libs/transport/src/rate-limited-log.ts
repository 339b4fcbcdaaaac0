import { InvalidOptionError } from './errors.js';

/**
 * Calls `log` at most once per key per interval, with how many calls were
 * suppressed since the last one. The library never logs: the service
 * passes its pino call, e.g.
 * `new RateLimitedLog((reason, ctx, suppressed) =>
 *    log.warn({ ...ctx, reason, suppressed }, 'message rejected'))`.
 */
export type RateLimitedLogFn<C> = (
  key: string,
  context: C,
  suppressed: number,
) => void;

export interface RateLimitedLogOptions {
  /** At most one call per key per this many ms (default 60 s). */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

export const DEFAULT_RATE_LIMIT_INTERVAL_MS = 60_000;

interface KeyState {
  lastAt: number;
  suppressed: number;
}

export class RateLimitedLog<C = Record<string, unknown>> {
  private readonly keys = new Map<string, KeyState>();
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly write: RateLimitedLogFn<C>,
    options: RateLimitedLogOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? DEFAULT_RATE_LIMIT_INTERVAL_MS;
    this.now = options.now ?? Date.now;
    if (!Number.isFinite(this.intervalMs) || this.intervalMs < 0) {
      throw new InvalidOptionError(
        `intervalMs ${this.intervalMs} is invalid: expected a number >= 0`,
      );
    }
  }

  /** Logs now, or counts the call as suppressed; true when it logged. */
  log(key: string, context: C): boolean {
    const now = this.now();
    const state = this.keys.get(key);
    if (state !== undefined && now - state.lastAt < this.intervalMs) {
      state.suppressed++;
      return false;
    }
    this.keys.set(key, { lastAt: now, suppressed: 0 });
    this.write(key, context, state?.suppressed ?? 0);
    return true;
  }
}
