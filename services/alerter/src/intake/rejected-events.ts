import {
  DeadLetterPublisher,
  MessageValidationError,
  parseAnomalyEvent,
  parseDriftEvent,
  type AnomalyEvent,
  type Bus,
  type BusMessage,
  type DriftEvent,
  type Logger,
} from '@hostwatch/transport';
import type { AlerterMetrics } from '../metrics.js';

/** A valid event with its kind, taken from the subject it came on. */
export type AlertEvent =
  | { readonly kind: 'anomaly'; readonly event: AnomalyEvent }
  | { readonly kind: 'drift'; readonly event: DriftEvent };

/** Wait before an event whose dead letter failed comes again, ms. */
const DEAD_LETTER_RETRY_MS = 5_000;

/**
 * The edge of the alerter: decodes and validates each event. One that
 * does not validate is counted, dead-lettered on `deadletter.results` and
 * acked; it never stops the stream. When the dead letter cannot be
 * published (bus away) the event is nak'ed, to be rejected again later.
 */
export class RejectedEvents {
  private readonly deadLetters: DeadLetterPublisher;

  constructor(
    bus: Bus,
    metrics: AlerterMetrics,
    private readonly log: Logger,
  ) {
    this.deadLetters = new DeadLetterPublisher({
      bus,
      service: 'alerter',
      source: 'results',
      onRejected: (reason) => metrics.rejected.inc({ reason }),
    });
  }

  /** The valid event, or null once a bad one was dealt with. */
  async decode(message: BusMessage): Promise<AlertEvent | null> {
    try {
      return parseEvent(message);
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
    this.log.warn({ err: error, subject }, 'event rejected');
    try {
      await this.deadLetters.rejectMessage(message, error);
      message.ack();
    } catch (err) {
      this.log.error({ err, subject }, 'dead letter not published');
      message.nak(DEAD_LETTER_RETRY_MS);
    }
  }
}

function parseEvent(message: BusMessage): AlertEvent {
  if (message.subject.startsWith('drift.')) {
    return { kind: 'drift', event: parseDriftEvent(message.data) };
  }
  return { kind: 'anomaly', event: parseAnomalyEvent(message.data) };
}
