import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { LoadHandle } from './load-handle.js';

const BLOCK_BYTES = 1024 * 1024;
const TICK_MS = 250;
/** The scratch file wraps around after this much, so the disk never fills. */
const MAX_FILE_MIB = 256;

/**
 * Writes `mibPerSecond` MiB per second to a scratch file (fsynced, so the
 * bytes reach the device), reads them back, and deletes the file at stop.
 */
export async function startDiskLoad(mibPerSecond: number): Promise<LoadHandle> {
  const dir = await mkdtemp(join(tmpdir(), 'hostwatch-stress-'));
  const file = await open(join(dir, 'scratch.bin'), 'w+');
  const block = Buffer.alloc(BLOCK_BYTES, 0x5a);
  const perTick = Math.max(1, Math.round((mibPerSecond * TICK_MS) / 1000));
  let offset = 0;
  let busy: Promise<void> = Promise.resolve();
  const writeTick = async (): Promise<void> => {
    for (let i = 0; i < perTick; i++) {
      await file.write(block, 0, BLOCK_BYTES, offset);
      offset = (offset + BLOCK_BYTES) % (MAX_FILE_MIB * BLOCK_BYTES);
    }
    await file.sync();
    await file.read(block, 0, BLOCK_BYTES, 0);
  };
  const timer = setInterval(() => {
    busy = busy.then(writeTick, writeTick);
  }, TICK_MS);
  return {
    name: 'disk',
    async stop() {
      clearInterval(timer);
      await busy.catch(() => undefined);
      await file.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
