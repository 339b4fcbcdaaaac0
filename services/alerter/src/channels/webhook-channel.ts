import { setTimeout as sleep } from 'node:timers/promises';
import type { Alert } from '../alerts/alert.js';
import { ChannelError } from '../errors.js';
import type { AlertChannel } from './alert-channel.js';

export const DEFAULT_WEBHOOK_ATTEMPTS = 5;
export const DEFAULT_WEBHOOK_BACKOFF_MS = 500;
export const DEFAULT_WEBHOOK_MAX_BACKOFF_MS = 30_000;
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 5_000;

export interface WebhookOptions {
  readonly url: string;
  /** Tries in all, the first included. */
  readonly attempts?: number;
  /** Wait before the second try; doubles after each failure. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Per request. */
  readonly timeoutMs?: number;
  /** Told about every failed try (metrics, logs). */
  readonly onAttemptFailed?: (attempt: number, error: Error) => void;
}

/**
 * Posts each alert as JSON to a URL. A network error, a timeout or a
 * non-2xx answer is retried with exponential backoff; after the last try
 * `send` rejects. `close()` cuts waiting retries short.
 */
export class WebhookChannel implements AlertChannel {
  readonly name = 'webhook';
  private readonly closing = new AbortController();

  constructor(private readonly options: WebhookOptions) {}

  async send(alert: Alert): Promise<void> {
    const attempts = this.options.attempts ?? DEFAULT_WEBHOOK_ATTEMPTS;
    let last: Error = new ChannelError('webhook', 'not tried');
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await this.backoff(attempt);
      try {
        return await this.post(alert);
      } catch (error) {
        last = error instanceof Error ? error : new Error(String(error));
        this.options.onAttemptFailed?.(attempt, last);
      }
    }
    throw new ChannelError('webhook', `${attempts} tries failed`, last);
  }

  close(): void {
    this.closing.abort();
  }

  private async post(alert: Alert): Promise<void> {
    const timeout = this.options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alert),
      signal: AbortSignal.any([
        AbortSignal.timeout(timeout),
        this.closing.signal,
      ]),
    });
    await response.body?.cancel();
    if (!response.ok) {
      throw new ChannelError('webhook', `HTTP ${response.status} from POST`);
    }
  }

  private async backoff(attempt: number): Promise<void> {
    const base = this.options.backoffMs ?? DEFAULT_WEBHOOK_BACKOFF_MS;
    const cap = this.options.maxBackoffMs ?? DEFAULT_WEBHOOK_MAX_BACKOFF_MS;
    const delay = Math.min(cap, base * 2 ** (attempt - 2));
    await sleep(delay, undefined, { signal: this.closing.signal });
  }
}
