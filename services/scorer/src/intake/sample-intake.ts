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

  /**
   * The valid sample, or a promise that settles once the message is
   * dead-lettered (to null). A valid sample costs no promise.
   */
  accept(message: BusMessage): MetricSample | Promise<null> {
    try {
      const sample = parseMetricSample(message.data, {
        maxFutureMs: this.maxFutureMs,
      });
      checkSubjectHost(message.subject, sample.host);
      return sample;
    } catch (error) {
      if (!(error instanceof MessageValidationError)) throw error;
      return this.deadLetter(message, error);
    }
  }

  private async deadLetter(
    message: BusMessage,
    error: MessageValidationError,
  ): Promise<null> {
    await this.reject({
      subject: message.subject,
      reason: error.reason,
      detail: error.detail,
      payload: message.data,
    });
    return null;
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
