import { open } from 'node:fs/promises';

/**
 * The whole lines among a file's last `tailBytes`, for rebuilding a
 * service's dedup state from the end of its output. A line cut by the
 * start of the tail is dropped; a missing file has no lines.
 */
export async function readTailLines(
  path: string,
  tailBytes: number,
): Promise<string[]> {
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return [];
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - tailBytes);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n');
    return start > 0 ? lines.slice(1) : lines;
  } finally {
    await handle.close();
  }
}
