import type { Delivery } from '@hostwatch/transport';
import { DeliveryDedup, readTailLines } from '@hostwatch/transport';
import { streamKey } from '../alerts/alert.js';

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
): Promise<DeliveryDedup> {
  const alerted: Delivery[] = [];
  for (const line of await readTailLines(path, tailBytes)) {
    const entry = parseEntry(line);
    if (entry === null) continue;
    alerted.push([streamKey(entry.kind, entry.host), entry.seq]);
  }
  return DeliveryDedup.rebuilt(alerted);
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
