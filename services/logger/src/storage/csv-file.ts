import { mkdir, open, readdir, rename, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

export interface CsvFileOptions {
  /** The active file, e.g. `data/performance_log.csv`. */
  readonly path: string;
  /** The header line, newline included, written at the top of each file. */
  readonly header: string;
  /** Rotate before a write would take the file past this size. */
  readonly maxBytes: number;
  /** Wall clock, ms since the epoch (injectable for tests). */
  readonly now?: () => number;
}

/**
 * An append-only CSV file that rotates by size or by UTC day. Every append
 * opens the file, writes, fsyncs and closes it, so that an unwritable path
 * shows up at the next append and a writable one is picked up again without
 * a restart. A rotated file is renamed beside the active one as
 * `<name>-<ISO time>.csv`.
 */
export class CsvFile {
  private size = -1;
  private day = '';
  private readonly now: () => number;

  constructor(private readonly options: CsvFileOptions) {
    this.now = options.now ?? Date.now;
  }

  get path(): string {
    return this.options.path;
  }

  /** Appends whole lines and fsyncs; returns the bytes written. */
  async append(text: string): Promise<number> {
    if (this.size < 0) await this.load();
    await this.rotateIfDue(Buffer.byteLength(text));
    const prefix = this.size === 0 ? this.options.header : '';
    const bytes = Buffer.from(prefix + text);
    await this.write(bytes);
    this.size += bytes.length;
    return bytes.length;
  }

  /** The rotated files beside the active one, oldest first. */
  async rotatedFiles(): Promise<string[]> {
    const { dir, stem, ext } = this.parts();
    const names = await readdir(dir).catch(() => [] as string[]);
    return names
      .filter((name) => name.startsWith(`${stem}-`) && name.endsWith(ext))
      .sort()
      .map((name) => join(dir, name));
  }

  private async load(): Promise<void> {
    await mkdir(dirname(this.options.path), { recursive: true });
    const info = await stat(this.options.path).catch(() => null);
    this.size = info?.size ?? 0;
    this.day = utcDay(info?.mtimeMs ?? this.now());
  }

  private async rotateIfDue(incoming: number): Promise<void> {
    const today = utcDay(this.now());
    const full = this.size + incoming > this.options.maxBytes;
    const hasRows = this.size > Buffer.byteLength(this.options.header);
    if (hasRows && (full || today !== this.day)) await this.rotate();
    this.day = today;
  }

  private async rotate(): Promise<void> {
    const { dir, stem, ext } = this.parts();
    const stamp = new Date(this.now()).toISOString().replaceAll(':', '-');
    await rename(this.options.path, join(dir, `${stem}-${stamp}${ext}`));
    this.size = 0;
  }

  private async write(bytes: Buffer): Promise<void> {
    await mkdir(dirname(this.options.path), { recursive: true });
    const handle = await open(this.options.path, 'a');
    try {
      await handle.write(bytes);
      await handle.sync();
    } catch (error) {
      // A partial write (full disk) must not leave half a row behind.
      await handle.truncate(this.size).catch(() => undefined);
      throw error;
    } finally {
      await handle.close();
    }
  }

  private parts(): { dir: string; stem: string; ext: string } {
    const ext = extname(this.options.path);
    const stem = basename(this.options.path, ext);
    return { dir: dirname(this.options.path), stem, ext };
  }
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
