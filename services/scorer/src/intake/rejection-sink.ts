import { DeadLetterPublisher, RateLimitedLog } from '@hostwatch/transport';
import type { Bus, Rejection } from '@hostwatch/transport';
import type { Logger } from 'pino';
import type { ScorerMetrics } from '../metrics/scorer-metrics.js';
import type { RejectionSink } from './sample-intake.js';

/** Where rejected samples go: `deadletter.metrics`. */
export const DEAD_LETTER_SOURCE = 'metrics';

/**
 * Handles a rejected message: counts it by reason, logs at most one line
 * per reason per minute (with how many were suppressed since), and
 * publishes it to `deadletter.metrics`. The promise settles on the
 * stream's ack, so the message is acked only once it is dead-lettered.
 */
export function createRejectionSink(
  bus: Bus,
  metrics: ScorerMetrics,
  log: Logger,
  service: string,
): RejectionSink {
  const publisher = new DeadLetterPublisher({
    bus,
    service,
    source: DEAD_LETTER_SOURCE,
    onRejected: (reason) => metrics.rejected.labels(reason).inc(),
  });
  const warn = new RateLimitedLog<Rejection>((reason, r, suppressed) =>
    log.warn(
      { subject: r.subject, reason, detail: r.detail, suppressed },
      'sample rejected',
    ),
  );
  return async (rejection) => {
    warn.log(rejection.reason, rejection);
    await publisher.reject(rejection);
  };
}
