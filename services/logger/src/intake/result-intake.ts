import {
  DeadLetterPublisher,
  parseScoreResult,
  ValidatedIntake,
  type Bus,
  type Logger,
  type ScoreResult,
} from '@hostwatch/transport';
import type { LoggerMetrics } from '../metrics.js';

/**
 * The edge of the logger: decodes and validates each result. One that
 * does not validate is counted, dead-lettered on `deadletter.results` and
 * acked; it never stops the stream. When the dead letter cannot be
 * published (bus away) the result is nak'ed, to be rejected again later.
 */
export function resultIntake(
  bus: Bus,
  metrics: LoggerMetrics,
  log: Logger,
): ValidatedIntake<ScoreResult> {
  const deadLetters = new DeadLetterPublisher({
    bus,
    service: 'logger',
    source: 'results',
    onRejected: (reason) => metrics.rejected.inc({ reason }),
  });
  return new ValidatedIntake({
    deadLetters,
    parse: (message) => parseScoreResult(message.data),
    onInvalid: (err, subject) => log.warn({ err, subject }, 'result rejected'),
    onDeadLetterFailed: (err, subject) =>
      log.error({ err, subject }, 'dead letter not published'),
  });
}
