import { open } from 'node:fs/promises';
import { streamKey } from '../alerts/alert.js';

/** How much of the journal's end is read to rebuild the dedup state. */
export const DEFAULT_JOURNAL_TAIL_BYTES = 1024 * 1024;

/**
 * The last sequence alerted per host and kind (`streamKey`), rebuilt from
 * the end of `alerts.jsonl`, so that a message redelivered after a restart
 * is not alerted twice. Lines that do not parse (a torn last line) are
 * skipped.
 *
 * FIXME: only the last `tailBytes` are read; a host whose last alert lies
 * further back is not seen, and a redelivery of it would alert again. Only
 * unacked messages are redelivered, so this bites only when thousands of
 * alerts of other hosts were written after it and before a crash.
 */
export async function readLastAlerted(
  path: string,
  tailBytes = DEFAULT_JOURNAL_TAIL_BYTES,
): Promise<Map<string, number>> {
  const last = new Map<string, number>();
  for (const line of (await readTail(path, tailBytes)).split('\n')) {
    const entry = parseEntry(line);
    if (entry === null) continue;
    const key = streamKey(entry.kind, entry.host);
    if (entry.seq > (last.get(key) ?? -Infinity)) last.set(key, entry.seq);
  }
  return last;
}

interface JournalKey {
  readonly kind: 'anomaly' | 'drift';
  readonly host: string;
  readonly seq: number;
}

function parseEntry(line: string): JournalKey | null {
  if (!line.startsWith('{')) return null;
  try {
    const value = JSON.parse(line) as Partial<JournalKey>;
    const { kind, host, seq } = value;
    if (kind !== 'anomaly' && kind !== 'drift') return null;
    if (typeof host !== 'string' || !Number.isSafeInteger(seq)) return null;
    return { kind, host, seq: seq as number };
  } catch {
    return null;
  }
}

async function readTail(path: string, tailBytes: number): Promise<string> {
  const handle = await open(path, 'r').catch(() => null);
  if (handle === null) return '';
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - tailBytes);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}
