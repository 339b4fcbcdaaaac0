import { Worker } from 'node:worker_threads';

import type { LoadHandle } from './load-handle.js';

/** Length of one busy/idle cycle of a worker, ms. */
const PERIOD_MS = 100;

/*
 * The worker is plain JavaScript evaluated from a string, so it runs the
 * same under tsx and from compiled output. It spins for `duty` of every
 * period and sleeps the rest, until the main thread sets the stop flag.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const stop = new Int32Array(workerData.stop);
const busy = workerData.duty * workerData.period;
let sink = 0;
while (Atomics.load(stop, 0) === 0) {
  const start = Date.now();
  while (Date.now() - start < busy) sink += Math.sqrt(sink + 1);
  const idle = workerData.period - busy;
  if (idle > 0) Atomics.wait(stop, 0, 0, idle);
}
`;

/** Starts `workers` threads that keep cores busy at the given duty cycle. */
export function startCpuLoad(workers: number, duty: number): LoadHandle {
  const stopFlag = new SharedArrayBuffer(4);
  const threads = Array.from(
    { length: workers },
    () =>
      new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { stop: stopFlag, duty, period: PERIOD_MS },
      }),
  );
  return {
    name: 'cpu',
    async stop() {
      const flag = new Int32Array(stopFlag);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      await Promise.all(threads.map((thread) => thread.terminate()));
    },
  };
}
