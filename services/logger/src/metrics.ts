import { Counter, Histogram, type Registry } from 'prom-client';

/** The logger's Prometheus metrics, registered on the service's registry. */
export interface LoggerMetrics {
  readonly rowsWritten: Counter;
  readonly bytesWritten: Counter;
  readonly flushSeconds: Histogram;
  readonly flushFailures: Counter;
  readonly dedupHits: Counter;
  readonly rejected: Counter<'reason'>;
}

export function createLoggerMetrics(registry: Registry): LoggerMetrics {
  const registers = [registry];
  return {
    rowsWritten: new Counter({
      name: 'logger_rows_written_total',
      help: 'Rows appended to the performance log and fsynced',
      registers,
    }),
    bytesWritten: new Counter({
      name: 'logger_written_bytes_total',
      help: 'Bytes appended to the performance log, headers included',
      registers,
    }),
    flushSeconds: new Histogram({
      name: 'logger_flush_duration_seconds',
      help: 'Time to write and fsync one batch of rows',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers,
    }),
    flushFailures: new Counter({
      name: 'logger_flush_failures_total',
      help: 'Batches that could not be written (rows kept, messages unacked)',
      registers,
    }),
    dedupHits: new Counter({
      name: 'logger_dedup_hits_total',
      help: 'Results dropped because their host and sequence were logged',
      registers,
    }),
    rejected: new Counter({
      name: 'logger_rejected_total',
      help: 'Results that failed validation and were dead-lettered',
      labelNames: ['reason'],
      registers,
    }),
  };
}
