import { open, truncate } from 'node:fs/promises';
import type { Delivery } from '@hostwatch/transport';
import { DeliveryDedup, readTailLines } from '@hostwatch/transport';

/** How much of each file's end is read to rebuild the dedup state. */
export const DEFAULT_TAIL_BYTES = 1024 * 1024;

/**
 * The rows already written, per host, rebuilt from the end of the CSV
 * files (`host` and `seq` are the 2nd and 3rd columns and never need
 * quotes). Sequences of a host below the first one read count as written.
 *
 * FIXME: only the last `tailBytes` of each file are read. A message
 * unacked at a crash whose row was flushed further back than that (a
 * consumer in-flight limit of more rows than the tail holds) would be
 * written again; the default tail holds some 2,000 rows.
 */
export async function readWritten(
  paths: readonly string[],
  tailBytes = DEFAULT_TAIL_BYTES,
): Promise<DeliveryDedup> {
  const rows: Delivery[] = [];
  for (const path of paths) {
    for (const line of await readTailLines(path, tailBytes)) {
      const row = hostAndSeq(line);
      if (row !== null) rows.push(row);
    }
  }
  return DeliveryDedup.rebuilt(rows);
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

function hostAndSeq(line: string): Delivery | null {
  const [, host, seqText] = line.split(',', 3);
  if (host === undefined || seqText === undefined) return null;
  const seq = Number(seqText);
  if (seqText === '' || !Number.isSafeInteger(seq)) return null;
  return [host, seq];
}
