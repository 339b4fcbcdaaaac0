import { Worker } from 'node:worker_threads';

import type { LoadHandle } from './load-handle.js';

/** How often held pages are written again (matters only with swap). */
const RETOUCH_MS = 10_000;

/*
 * The memory is allocated and touched in a worker thread, so that writing
 * gigabytes page by page never blocks the event loop of the process that
 * asked for it (collect-labeled samples the host from that loop). One byte
 * per page makes the memory resident: an untouched allocation only
 * reserves address space. Terminating the worker frees it all.
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const PAGE = 4096;
const CHUNK = 16 * 1024 * 1024;
const chunks = [];
const touch = (value) => {
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i += PAGE) chunk[i] = value;
  }
};
for (let left = workerData.bytes; left > 0; left -= CHUNK) {
  chunks.push(new Uint8Array(Math.min(left, CHUNK)));
}
touch(1);
parentPort.postMessage('resident');
let round = 1;
setInterval(() => touch((round = (round + 1) & 0xff)), workerData.retouchMs);
`;

/**
 * Holds `mib` MiB of resident memory until stopped. Resolves once the
 * memory is allocated and touched.
 */
export function startMemoryLoad(mib: number): Promise<LoadHandle> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { bytes: mib * 1024 * 1024, retouchMs: RETOUCH_MS },
    resourceLimits: { maxOldGenerationSizeMb: 64 },
  });
  const handle: LoadHandle = {
    name: 'memory',
    async stop() {
      await worker.terminate();
    },
  };
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(handle));
    worker.once('error', reject);
  });
}
