import type { BusMessage, ScoreResult } from '@hostwatch/transport';

/** A row waiting for its flush, with every delivery of its message. */
export interface PendingRow {
  readonly result: ScoreResult;
  readonly line: string;
  readonly deliveries: BusMessage[];
}

export type AddOutcome = 'buffered' | 'joined' | 'duplicate';

/**
 * Rows accepted but not yet on disk, and the per-host sequence bookkeeping
 * that turns redeliveries into acks instead of second rows: `written` holds
 * the last sequence on disk per host, `accepted` the last one buffered.
 */
export class RowBuffer {
  private rows: PendingRow[] = [];
  private readonly byKey = new Map<string, PendingRow>();
  private readonly accepted = new Map<string, number>();

  constructor(private readonly written: Map<string, number>) {}

  get size(): number {
    return this.rows.length;
  }

  /**
   * Buffers a new row. A redelivery of a buffered row joins it (`joined`:
   * acked with it); any other sequence at or below the host's last one is
   * a `duplicate`, to be acked at once.
   */
  add(result: ScoreResult, line: string, message: BusMessage): AddOutcome {
    const known = this.byKey.get(rowKey(result.host, result.seq));
    if (known !== undefined) {
      known.deliveries.push(message);
      return 'joined';
    }
    if (result.seq <= this.lastAccepted(result.host)) return 'duplicate';
    const row = { result, line, deliveries: [message] };
    this.rows.push(row);
    this.byKey.set(rowKey(result.host, result.seq), row);
    this.accepted.set(result.host, result.seq);
    return 'buffered';
  }

  /** Takes every buffered row for a flush. */
  take(): PendingRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  /** Puts back rows whose flush failed, ahead of newer ones. */
  restore(rows: readonly PendingRow[]): void {
    this.rows = [...rows, ...this.rows];
  }

  /** Marks rows as on disk. */
  commit(rows: readonly PendingRow[]): void {
    for (const { result } of rows) {
      this.byKey.delete(rowKey(result.host, result.seq));
      if (result.seq > this.lastWritten(result.host)) {
        this.written.set(result.host, result.seq);
      }
    }
  }

  private lastWritten(host: string): number {
    return this.written.get(host) ?? -Infinity;
  }

  private lastAccepted(host: string): number {
    return Math.max(
      this.accepted.get(host) ?? -Infinity,
      this.lastWritten(host),
    );
  }
}

function rowKey(host: string, seq: number): string {
  return `${host}:${seq}`;
}
