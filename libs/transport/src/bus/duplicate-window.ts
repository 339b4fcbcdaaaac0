/**
 * How long a publish `msgId` makes a repeat a duplicate, on both buses:
 * long enough to cover a collector's retries across a short outage.
 */
export const DEFAULT_DUPLICATE_WINDOW_MS = 2 * 60_000;
