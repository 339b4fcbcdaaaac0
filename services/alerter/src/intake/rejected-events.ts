import {
  MessageValidationError,
  parseAnomalyEvent,
  parseDriftEvent,
  type AnomalyEvent,
  type Bus,
  type BusMessage,
  type DriftEvent,
} from '@hostwatch/transport';
import type { Logger } from 'pino';
import type { AlerterMetrics } from '../metrics.js';

/** A valid event with its kind, taken from the subject it came on. */
export type AlertEvent =
  | { readonly kind: 'anomaly'; readonly event: AnomalyEvent }
  | { readonly kind: 'drift'; readonly event: DriftEvent };

/**
 * The edge of the alerter: decodes and validates each event. One that
 * does not validate is acked, counted and dead-lettered on
 * `deadletter.results`; it never stops the stream.
 */
export class RejectedEvents {
  constructor(
    private readonly bus: Bus,
    private readonly metrics: AlerterMetrics,
    private readonly log: Logger,
  ) {}

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
    this.metrics.rejected.inc({ reason: error.reason });
    this.log.warn({ err: error, subject: message.subject }, 'event rejected');
    await this.bus.publish('deadletter.results', {});
    message.ack();
  }
}

function parseEvent(message: BusMessage): AlertEvent {
  if (message.subject.startsWith('drift.')) {
    return { kind: 'drift', event: parseDriftEvent(message.data) };
  }
  return { kind: 'anomaly', event: parseAnomalyEvent(message.data) };
}
