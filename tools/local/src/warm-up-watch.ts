import type { Scorer } from '@hostwatch/scorer';

export const WARM_UP_POLL_MS = 500;

/**
 * Calls `onScoring` once, when the scorer first scores a host with a
 * model (learned online or trained), i.e. when warm-up has ended.
 * Returns a function that stops watching.
 */
export function watchWarmUp(
  scorer: Scorer,
  onScoring: (mode: 'online' | 'trained') => void,
): () => void {
  const timer = setInterval(() => {
    const modes = scorer.hosts.modes();
    if (modes.trained + modes.online === 0) return;
    clearInterval(timer);
    onScoring(modes.trained > 0 ? 'trained' : 'online');
  }, WARM_UP_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
