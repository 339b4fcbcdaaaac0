import { open } from 'node:fs/promises';
import { streamKey } from '../alerts/alert.js';
import { SeenWindow } from './seen-window.js';

/** How much of the journal's end is read to rebuild the dedup state. */
export const DEFAULT_JOURNAL_TAIL_BYTES = 1024 * 1024;

/**
 * The events already alerted per host and kind (`streamKey`), rebuilt from
 * the end of `alerts.jsonl`, so that a message redelivered after a restart
 * is not alerted twice. Sequences below the first one read count as
 * alerted. Lines that do not parse (a torn line) are skipped.
 *
 * FIXME: only the last `tailBytes` are read; an event alerted further back
 * and redelivered after a restart would alert again. Only unacked events
 * are redelivered, so this bites only when thousands of alerts were
 * written between an event's alert and its ack.
 */
export async function readAlerted(
  path: string,
  tailBytes = DEFAULT_JOURNAL_TAIL_BYTES,
): Promise<SeenWindow> {
  const seen = new SeenWindow();
  const first = new Map<string, number>();
  for (const line of await readTailLines(path, tailBytes)) {
    const entry = parseEntry(line);
    if (entry === null) continue;
    const key = streamKey(entry.kind, entry.host);
    first.set(key, Math.min(entry.seq, first.get(key) ?? Infinity));
    seen.add(key, entry.seq);
  }
  for (const [key, seq] of first) seen.seenBelow(key, seq);
  return seen;
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
