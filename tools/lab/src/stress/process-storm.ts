import { spawn } from 'node:child_process';

import type { LoadHandle } from './load-handle.js';

const TICK_MS = 100;

/**
 * Starts `perSecond` short-lived processes per second (`sleep 0.2`, so
 * several are alive at once and the process count rises), and waits for
 * the last ones at stop.
 */
export function startProcessStorm(perSecond: number): LoadHandle {
  const alive = new Set<Promise<void>>();
  let owed = 0;
  const timer = setInterval(() => {
    owed += (perSecond * TICK_MS) / 1000;
    for (; owed >= 1; owed--) track(alive, spawnShortLived());
  }, TICK_MS);
  return {
    name: 'processes',
    async stop() {
      clearInterval(timer);
      await Promise.all(alive);
    },
  };
}

function spawnShortLived(): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn('sleep', ['0.2'], { stdio: 'ignore' });
    child.once('error', () => resolve());
    child.once('exit', () => resolve());
  });
}

function track(alive: Set<Promise<void>>, done: Promise<void>): void {
  alive.add(done);
  void done.then(() => alive.delete(done));
}
