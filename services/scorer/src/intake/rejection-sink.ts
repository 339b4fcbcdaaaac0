import { deadLetterSubject } from '@hostwatch/transport';
import type { Bus, DeadLetter } from '@hostwatch/transport';
import type { Logger } from 'pino';
import type { ScorerMetrics } from '../metrics/scorer-metrics.js';
import type { Rejection, RejectionSink } from './sample-intake.js';

/** Where rejected samples go: `deadletter.metrics`. */
export const DEAD_LETTER_SOURCE = 'metrics';
/** A dead letter keeps this much of the payload, characters. */
export const DEAD_LETTER_PAYLOAD_CHARS = 4096;
/** One log line per reason per this interval, ms. */
export const REJECTION_LOG_INTERVAL_MS = 60_000;

const decoder = new TextDecoder();

/**
 * Handles a rejected message: counts it by reason, publishes it to
 * `deadletter.metrics` (the promise settles on the stream's ack, so the
 * message is acked only once dead-lettered) and logs at most one line per
 * reason per minute, saying how many were suppressed since the last one.
 */
export function createRejectionSink(
  bus: Bus,
  metrics: ScorerMetrics,
  log: Logger,
  service: string,
  now: () => number = Date.now,
): RejectionSink {
  const lastLogged = new Map<string, number>();
  const suppressed = new Map<string, number>();
  const warn = (rejection: Rejection) => {
    const at = now();
    const last = lastLogged.get(rejection.reason);
    if (last !== undefined && at - last < REJECTION_LOG_INTERVAL_MS) {
      suppressed.set(
        rejection.reason,
        (suppressed.get(rejection.reason) ?? 0) + 1,
      );
      return;
    }
    const { subject, reason, detail } = rejection;
    const since = suppressed.get(reason) ?? 0;
    log.warn({ subject, reason, detail, suppressed: since }, 'sample rejected');
    lastLogged.set(reason, at);
    suppressed.set(reason, 0);
  };
  return async (rejection) => {
    metrics.rejected.labels(rejection.reason).inc();
    warn(rejection);
    await bus.publish(
      deadLetterSubject(DEAD_LETTER_SOURCE),
      deadLetter(rejection, service, now()),
    );
  };
}

function deadLetter(
  rejection: Rejection,
  service: string,
  at: number,
): DeadLetter {
  return {
    v: 1,
    subject: rejection.subject,
    reason: rejection.reason,
    detail: rejection.detail,
    payload: decoder.decode(rejection.data).slice(0, DEAD_LETTER_PAYLOAD_CHARS),
    rejected_at: at,
    service,
  };
}
