import {
  MessageValidationError,
  parseScoreResult,
  type Bus,
  type BusMessage,
  type ScoreResult,
} from '@hostwatch/transport';
import type { Logger } from 'pino';
import type { LoggerMetrics } from '../metrics.js';

/**
 * The edge of the logger: decodes and validates each result. One that
 * does not validate is acked, counted and dead-lettered on
 * `deadletter.results`; it never stops the stream.
 */
export class RejectedResults {
  constructor(
    private readonly bus: Bus,
    private readonly metrics: LoggerMetrics,
    private readonly log: Logger,
  ) {}

  /** The valid result, or null once a bad one was dealt with. */
  async decode(message: BusMessage): Promise<ScoreResult | null> {
    try {
      return parseScoreResult(message.data);
    } catch (error) {
      if (!(error instanceof MessageValidationError)) throw error;
      await this.reject(message, error);
      return null;
    }
  }

  private async reject(
    message: BusMessage,
    error: MessageValidationError,
  ): Promise<void> {
    this.metrics.rejected.inc({ reason: error.reason });
    this.log.warn({ err: error, subject: message.subject }, 'result rejected');
    await this.bus.publish('deadletter.results', {});
    message.ack();
  }
}
