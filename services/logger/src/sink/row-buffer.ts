import type {
  BusMessage,
  DeliveryDedup,
  ScoreResult,
} from '@hostwatch/transport';

/** A row waiting for its flush, with every delivery of its message. */
export interface PendingRow {
  readonly result: ScoreResult;
  readonly line: string;
  readonly deliveries: BusMessage[];
}

export type AddOutcome = 'buffered' | 'joined' | 'duplicate';

/**
 * Rows accepted but not yet on disk, and the bookkeeping that turns
 * redeliveries into acks instead of second rows: `written` knows the rows
 * on disk, `byKey` the ones waiting here.
 */
export class RowBuffer {
  private rows: PendingRow[] = [];
  private readonly byKey = new Map<string, PendingRow>();

  constructor(private readonly written: DeliveryDedup) {}

  get size(): number {
    return this.rows.length;
  }

  /**
   * Buffers a new row. A redelivery of a buffered row joins it (`joined`:
   * acked with it); one of a written row is a `duplicate`, acked at once.
   */
  add(result: ScoreResult, line: string, message: BusMessage): AddOutcome {
    const known = this.byKey.get(rowKey(result.host, result.seq));
    if (known !== undefined) {
      known.deliveries.push(message);
      return 'joined';
    }
    if (this.written.has(result.host, result.seq)) return 'duplicate';
    const row = { result, line, deliveries: [message] };
    this.rows.push(row);
    this.byKey.set(rowKey(result.host, result.seq), row);
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
      this.written.add(result.host, result.seq);
    }
  }
}

function rowKey(host: string, seq: number): string {
  return `${host}:${seq}`;
}
