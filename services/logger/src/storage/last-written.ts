import { open, truncate } from 'node:fs/promises';

/** How much of each file's end is read to rebuild the dedup state. */
export const DEFAULT_TAIL_BYTES = 1024 * 1024;

/**
 * The last sequence written per host, rebuilt from the end of the CSV files
 * (`host` and `seq` are the 2nd and 3rd columns and never need quotes).
 *
 * FIXME: only the last `tailBytes` of each file are read. A host whose last
 * row lies further back (many busy hosts, a small tail) is not seen, and its
 * redelivered rows after a crash would be written again. The redelivered
 * window is at most the consumer's in-flight limit, so the tail must hold
 * that many rows of every host.
 */
export async function readLastWritten(
  paths: readonly string[],
  tailBytes = DEFAULT_TAIL_BYTES,
): Promise<Map<string, number>> {
  const last = new Map<string, number>();
  for (const path of paths) {
    for (const line of await readTailLines(path, tailBytes)) {
      noteLine(line, last);
    }
  }
  return last;
}

/**
 * Cuts a half-written last line (a crash inside a write) off the end of a
 * file, so the next row starts on a line of its own. Its message was never
 * acked and comes again.
 */
export async function dropPartialLine(path: string): Promise<void> {
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return;
  const { size } = await handle.stat();
  const start = Math.max(0, size - DEFAULT_TAIL_BYTES);
  const buffer = Buffer.alloc(size - start);
  await handle.read(buffer, 0, buffer.length, start);
  await handle.close();
  if (buffer.length === 0 || buffer[buffer.length - 1] === 0x0a) return;
  const lastNewline = buffer.lastIndexOf(0x0a);
  await truncate(path, lastNewline < 0 ? start : start + lastNewline + 1);
}

/** The whole lines among a file's last `tailBytes`. */
async function readTailLines(
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

function noteLine(line: string, last: Map<string, number>): void {
  const [, host, seqText] = line.split(',', 3);
  if (host === undefined || seqText === undefined) return;
  const seq = Number(seqText);
  if (seqText === '' || !Number.isSafeInteger(seq)) return;
  if (seq > (last.get(host) ?? -Infinity)) last.set(host, seq);
}
