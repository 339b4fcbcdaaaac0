import { setTimeout as sleep } from 'node:timers/promises';

/** True when `promise` settled within `ms`, false when the time ran out. */
export async function waitAtMost(
  promise: Promise<unknown>,
  ms: number,
): Promise<boolean> {
  const ac = new AbortController();
  const expired = sleep(ms, false, { signal: ac.signal }).catch(() => false);
  try {
    return await Promise.race([promise.then(() => true), expired]);
  } finally {
    ac.abort();
  }
}
