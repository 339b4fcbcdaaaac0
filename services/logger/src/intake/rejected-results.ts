import {
  DeadLetterPublisher,
  MessageValidationError,
  parseScoreResult,
  type Bus,
  type BusMessage,
  type Logger,
  type ScoreResult,
} from '@hostwatch/transport';
import type { LoggerMetrics } from '../metrics.js';

/** Wait before a result whose dead letter failed comes again, ms. */
const DEAD_LETTER_RETRY_MS = 5_000;

/**
 * The edge of the logger: decodes and validates each result. One that
 * does not validate is counted, dead-lettered on `deadletter.results` and
 * acked; it never stops the stream. When the dead letter cannot be
 * published (bus away) the result is nak'ed, to be rejected again later.
 */
export class RejectedResults {
  private readonly deadLetters: DeadLetterPublisher;

  constructor(
    bus: Bus,
    metrics: LoggerMetrics,
    private readonly log: Logger,
  ) {
    this.deadLetters = new DeadLetterPublisher({
      bus,
      service: 'logger',
      source: 'results',
      onRejected: (reason) => metrics.rejected.inc({ reason }),
    });
  }

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
    const { subject } = message;
    this.log.warn({ err: error, subject }, 'result rejected');
    try {
      await this.deadLetters.rejectMessage(message, error);
      message.ack();
    } catch (err) {
      this.log.error({ err, subject }, 'dead letter not published');
      message.nak(DEAD_LETTER_RETRY_MS);
    }
  }
}
