import type {
  BusMessage,
  ScoreResult,
  Subscription,
  ValidatedIntake,
} from '@hostwatch/transport';
import { CSV_COLUMNS } from './csv/columns.js';
import { csvLine } from './csv/csv-cell.js';
import { resultIntake } from './intake/result-intake.js';
import {
  parseLoggerOptions,
  type LoggerOptions,
  type ParsedLoggerOptions,
} from './logger-options.js';
import { createLoggerMetrics, type LoggerMetrics } from './metrics.js';
import { CsvSink } from './sink/csv-sink.js';
import { CsvFile } from './storage/csv-file.js';
import { dropPartialLine, readWritten } from './storage/written-rows.js';
import { RunSummary, type LoggerSummary } from './summary/run-summary.js';
import { writeSummary } from './summary/summary-file.js';

/** The subjects the logger consumes: every scored sample. */
export const LOGGER_SUBJECTS = ['scores.>'] as const;

export interface LoggerService {
  readonly csvPath: string;
  /** False while the CSV cannot be written (rows wait, unacked). */
  readonly writable: boolean;
  /** Rebuilds the dedup state from the CSV and starts consuming. */
  start(): Promise<void>;
  /** Writes what is buffered now (tests, local mode). */
  flush(): Promise<void>;
  /** Stops consuming, flushes, writes and logs the run's summary. */
  stop(): Promise<LoggerSummary>;
}

/**
 * The logger: every result on `scores.>` becomes one row of the CSV,
 * acked once fsynced (see CsvSink); invalid results are acked, counted and
 * dead-lettered. Runs on any Bus.
 */
export function buildLogger(options: LoggerOptions): LoggerService {
  return new PerformanceLogger(parseLoggerOptions(options));
}

class PerformanceLogger implements LoggerService {
  private readonly metrics: LoggerMetrics;
  private readonly file: CsvFile;
  private readonly summary = new RunSummary();
  private readonly intake: ValidatedIntake<ScoreResult>;
  private sink: CsvSink | null = null;
  private subscription: Subscription | null = null;

  constructor(private readonly options: ParsedLoggerOptions) {
    this.metrics = createLoggerMetrics(options.registry);
    this.file = new CsvFile({
      path: options.csvPath,
      header: csvLine(CSV_COLUMNS),
      maxBytes: options.rotateBytes,
    });
    this.intake = resultIntake(options.bus, this.metrics, options.log);
  }

  get csvPath(): string {
    return this.options.csvPath;
  }

  get writable(): boolean {
    return this.sink?.writable ?? true;
  }

  async start(): Promise<void> {
    const sink = await this.openSink();
    sink.start();
    this.sink = sink;
    const { bus, durable, maxInFlight, ackWaitMs, log } = this.options;
    this.subscription = await bus.consume({
      durable,
      subjects: LOGGER_SUBJECTS,
      maxInFlight,
      ackWaitMs,
      autoAck: false,
      handler: (message) => this.handle(sink, message),
    });
    log.info({ path: this.csvPath, durable, bus: bus.kind }, 'logging');
  }

  flush(): Promise<void> {
    return this.sink?.flush() ?? Promise.resolve();
  }

  async stop(): Promise<LoggerSummary> {
    await this.subscription?.stop();
    this.subscription = null;
    const drained = (await this.sink?.close()) ?? true;
    this.sink = null;
    const { log } = this.options;
    if (!drained) log.error({ path: this.csvPath }, 'rows left unwritten');
    return this.report();
  }

  private async openSink(): Promise<CsvSink> {
    await dropPartialLine(this.csvPath);
    const newestRotated = (await this.file.rotatedFiles()).slice(-1);
    const written = await readWritten([...newestRotated, this.csvPath]);
    const { flushRows, flushIntervalMs, log } = this.options;
    return new CsvSink({
      file: this.file,
      written,
      flushRows,
      flushIntervalMs,
      metrics: this.metrics,
      summary: this.summary,
      log,
    });
  }

  private async handle(sink: CsvSink, message: BusMessage): Promise<void> {
    const result = await this.intake.decode(message);
    if (result !== null) sink.accept(result, message);
  }

  private async report(): Promise<LoggerSummary> {
    const summary = this.summary.summary();
    const { log } = this.options;
    try {
      const path = await writeSummary(this.csvPath, summary);
      log.info({ summary, path }, 'summary');
    } catch (err) {
      log.error({ err, summary }, 'summary not written');
    }
    return summary;
  }
}
