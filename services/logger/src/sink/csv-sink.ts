import type {
  BusMessage,
  DeliveryDedup,
  Logger,
  ScoreResult,
} from '@hostwatch/transport';
import { csvCells } from '../csv/columns.js';
import { csvLine } from '../csv/csv-cell.js';
import type { LoggerMetrics } from '../metrics.js';
import type { CsvFile } from '../storage/csv-file.js';
import type { RunSummary } from '../summary/run-summary.js';
import { RowBuffer, type PendingRow } from './row-buffer.js';

export interface CsvSinkOptions {
  readonly file: CsvFile;
  /** The rows on disk, read back from the files at start. */
  readonly written: DeliveryDedup;
  readonly flushRows: number;
  readonly flushIntervalMs: number;
  readonly metrics: LoggerMetrics;
  readonly summary: RunSummary;
  readonly log: Logger;
}

/**
 * Buffers rows and writes them in batches: when `flushRows` are waiting and
 * at least every `flushIntervalMs`. A message is acked only once its row
 * is fsynced. A failed write keeps the rows (their messages stay unacked,
 * so JetStream keeps them too), logs one error per outage and is retried
 * on the next tick.
 */
export class CsvSink {
  private readonly buffer: RowBuffer;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  /** A flush waits behind the running one; later calls join it. */
  private queued = false;
  private failing = false;

  constructor(private readonly options: CsvSinkOptions) {
    this.buffer = new RowBuffer(options.written);
  }

  /** False from a failed write until the next successful one. */
  get writable(): boolean {
    return !this.failing;
  }

  start(): void {
    this.timer = setInterval(() => {
      void this.flush();
    }, this.options.flushIntervalMs);
  }

  /** Takes one valid result; a duplicate is acked at once. */
  accept(result: ScoreResult, message: BusMessage): void {
    const outcome = this.buffer.add(result, csvLine(csvCells(result)), message);
    if (outcome !== 'buffered') this.options.metrics.dedupHits.inc();
    if (outcome === 'duplicate') message.ack();
    if (this.failing || this.buffer.size < this.options.flushRows) return;
    void this.flush();
  }

  /** Writes what is buffered, after any flush already under way. */
  flush(): Promise<void> {
    if (this.queued) return this.flushing;
    this.queued = true;
    this.flushing = this.flushing.then(() => {
      this.queued = false;
      return this.flushOnce();
    });
    return this.flushing;
  }

  /** Stops the timer and writes what is left; true when nothing is left. */
  async close(): Promise<boolean> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
    return this.buffer.size === 0;
  }

  private async flushOnce(): Promise<void> {
    if (this.buffer.size === 0) return;
    await this.writeBatch(this.buffer.take());
  }

  private async writeBatch(rows: PendingRow[]): Promise<void> {
    const started = process.hrtime.bigint();
    try {
      const bytes = await this.options.file.append(linesOf(rows));
      this.committed(rows, bytes, started);
    } catch (err) {
      this.buffer.restore(rows);
      this.failed(err, rows.length);
    }
  }

  private committed(rows: PendingRow[], bytes: number, started: bigint): void {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.buffer.commit(rows);
    for (const row of rows) {
      this.options.summary.add(row.result);
      for (const delivery of row.deliveries) delivery.ack();
    }
    const { metrics } = this.options;
    metrics.rowsWritten.inc(rows.length);
    metrics.bytesWritten.inc(bytes);
    metrics.flushSeconds.observe(seconds);
    if (this.failing) this.options.log.info({ rows: rows.length }, 'resumed');
    this.failing = false;
  }

  private failed(err: unknown, rows: number): void {
    this.options.metrics.flushFailures.inc();
    if (this.failing) return;
    this.failing = true;
    const path = this.options.file.path;
    this.options.log.error({ err, path, rows }, 'write failed, not acking');
  }
}

function linesOf(rows: readonly PendingRow[]): string {
  return rows.map((row) => row.line).join('');
}
