import {
  DeadLetterPublisher,
  parseAnomalyEvent,
  parseDriftEvent,
  ValidatedIntake,
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

/**
 * The edge of the alerter: decodes and validates each event. One that
 * does not validate is counted, dead-lettered on `deadletter.results` and
 * acked; it never stops the stream. When the dead letter cannot be
 * published (bus away) the event is nak'ed, to be rejected again later.
 */
export function eventIntake(
  bus: Bus,
  metrics: AlerterMetrics,
  log: Logger,
): ValidatedIntake<AlertEvent> {
  const deadLetters = new DeadLetterPublisher({
    bus,
    service: 'alerter',
    source: 'results',
    onRejected: (reason) => metrics.rejected.inc({ reason }),
  });
  return new ValidatedIntake({
    deadLetters,
    parse: parseEvent,
    onInvalid: (err, subject) => log.warn({ err, subject }, 'event rejected'),
    onDeadLetterFailed: (err, subject) =>
      log.error({ err, subject }, 'dead letter not published'),
  });
}

function parseEvent(message: BusMessage): AlertEvent {
  if (message.subject.startsWith('drift.')) {
    return { kind: 'drift', event: parseDriftEvent(message.data) };
  }
  return { kind: 'anomaly', event: parseAnomalyEvent(message.data) };
}
