import { setTimeout as sleep } from 'node:timers/promises';
import type { Bus } from '../bus/bus.js';

export interface CollectOptions {
  readonly subjects: readonly string[];
  /** Resolve once this many messages arrived. */
  readonly count: number;
  /** Durable name; default a fresh one, so every message is read. */
  readonly durable?: string;
  /** Reject when `count` was not reached in this time, ms (default 10 s). */
  readonly timeoutMs?: number;
}

export interface CollectedMessage {
  readonly subject: string;
  readonly payload: unknown;
  readonly deliveryCount: number;
}

let collectors = 0;

/**
 * Consumes `subjects` until `count` messages arrived, acks them, stops the
 * subscription and returns them in arrival order (for tests).
 */
export async function collectMessages(
  bus: Bus,
  options: CollectOptions,
): Promise<CollectedMessage[]> {
  const received: CollectedMessage[] = [];
  let done: () => void = () => undefined;
  const enough = new Promise<void>((resolve) => (done = resolve));
  const subscription = await bus.consume({
    durable: options.durable ?? `collect-${process.pid}-${++collectors}`,
    subjects: options.subjects,
    handler: (message) => {
      received.push({
        subject: message.subject,
        payload: message.json(),
        deliveryCount: message.deliveryCount,
      });
      if (received.length >= options.count) done();
      return Promise.resolve();
    },
  });
  try {
    await withTimeout(
      enough,
      options.timeoutMs ?? 10_000,
      () => `collected ${received.length} of ${options.count} messages`,
    );
  } finally {
    await subscription.stop();
  }
  return received;
}

async function withTimeout(
  promise: Promise<void>,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  const timer = new AbortController();
  const expired = sleep(timeoutMs, undefined, { signal: timer.signal }).then(
    () => {
      throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
    },
    () => undefined,
  );
  try {
    await Promise.race([promise, expired]);
  } finally {
    timer.abort();
  }
}

/** Polls `predicate` every 20 ms until it holds or `timeoutMs` passes. */
export async function waitFor(
  predicate: () => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await sleep(20);
  }
}
