import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Alert } from '../alerts/alert.js';

type FileHandle = Awaited<ReturnType<typeof open>>;

const NEWLINE = Buffer.from('\n');

/**
 * `alerts.jsonl`: one JSON line per alert, sent or folded, fsynced before
 * the message that caused it is acked. Every append opens the file anew,
 * so an unwritable path fails that append and a writable one works again
 * without a restart. A torn last line (a crash inside a write) is closed
 * with a newline before the next one, and skipped when read back. Appends
 * run one at a time, in call order.
 */
export class AlertJournal {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

  append(alert: Alert): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(alert)}\n`);
    const next = this.tail.then(() => this.write(line));
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async write(line: Buffer): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const handle = await open(this.path, 'a+');
    try {
      const { size } = await handle.stat();
      const torn = size > 0 && !(await endsWithNewline(handle, size));
      const text = torn ? Buffer.concat([NEWLINE, line]) : line;
      await this.writeLine(handle, text, size);
    } finally {
      await handle.close();
    }
  }

  private async writeLine(
    handle: FileHandle,
    line: Buffer,
    size: number,
  ): Promise<void> {
    try {
      await handle.write(line);
      await handle.sync();
    } catch (error) {
      // A partial write (full disk) must not leave half a line behind.
      await handle.truncate(size).catch(() => undefined);
      throw error;
    }
  }
}

/** False after a crash inside a write: the next line must start afresh. */
async function endsWithNewline(
  handle: FileHandle,
  size: number,
): Promise<boolean> {
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  return last[0] === 0x0a;
}
