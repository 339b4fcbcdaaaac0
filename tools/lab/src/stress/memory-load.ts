import type { LoadHandle } from './load-handle.js';

const CHUNK_MIB = 16;
const PAGE_BYTES = 4096;
const RETOUCH_MS = 1000;

/**
 * Allocates `mib` MiB in chunks and writes one byte per page so the memory
 * is really resident (an untouched allocation only reserves address space),
 * then re-touches it every second so the kernel keeps it in RAM.
 */
export function startMemoryLoad(mib: number): LoadHandle {
  let chunks: Buffer[] = [];
  for (let left = mib; left > 0; left -= CHUNK_MIB) {
    const chunk = Buffer.allocUnsafe(Math.min(left, CHUNK_MIB) * 1024 * 1024);
    touchPages(chunk, 1);
    chunks.push(chunk);
  }
  let round = 1;
  const timer = setInterval(() => {
    round = (round + 1) & 0xff;
    for (const chunk of chunks) touchPages(chunk, round);
  }, RETOUCH_MS);
  return {
    name: 'memory',
    stop() {
      clearInterval(timer);
      chunks = [];
      return Promise.resolve();
    },
  };
}

function touchPages(chunk: Buffer, value: number): void {
  for (let i = 0; i < chunk.length; i += PAGE_BYTES) chunk[i] = value;
}
