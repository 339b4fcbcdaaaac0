import {
  MessageValidationError,
  parseMetricSample,
} from '@hostwatch/transport';
import type { BusMessage, MetricSample, Rejection } from '@hostwatch/transport';
import { hostOfMetricsSubject } from '../partitions/partition-subjects.js';

/** Dead-letters, counts and (rate-limited) logs one rejected message. */
export type RejectionSink = (rejection: Rejection) => Promise<void>;

/**
 * The scorer's edge: every message on `metrics.*` is either a valid
 * sample or rejected with a stable reason (MessageValidationError's, or
 * `bad_host` when the payload's host is not the subject's, since such a
 * sample would land in another host's partition). A rejected message is
 * dead-lettered before it is acked, so it is never lost.
 */
export class SampleIntake {
  constructor(
    private readonly maxFutureMs: number,
    private readonly reject: RejectionSink,
  ) {}

  async accept(message: BusMessage): Promise<MetricSample | null> {
    try {
      const sample = parseMetricSample(message.data, {
        maxFutureMs: this.maxFutureMs,
      });
      checkSubjectHost(message.subject, sample.host);
      return sample;
    } catch (error) {
      if (!(error instanceof MessageValidationError)) throw error;
      await this.reject({
        subject: message.subject,
        reason: error.reason,
        detail: error.detail,
        payload: message.data,
      });
      return null;
    }
  }
}

function checkSubjectHost(subject: string, host: string): void {
  const expected = hostOfMetricsSubject(subject);
  if (expected === host) return;
  throw new MessageValidationError(
    'bad_host',
    'host',
    `host "${host}" arrived on ${subject}: expected host "${String(expected)}"`,
  );
}
