import type { Bus, BusMessage } from './bus/bus.js';
import { InvalidOptionError } from './errors.js';
import type { DeadLetter } from './messages/events.js';
import { MessageValidationError } from './messages/validation-error.js';
import { deadLetterSubject, isValidHostName } from './subjects.js';

export interface DeadLetterOptions {
  readonly bus: Bus;
  /** The service that rejects, written in every dead letter. */
  readonly service: string;
  /** Subject suffix: `deadletter.<source>` (default: the service). */
  readonly source?: string;
  /** Payload text kept in the dead letter, bytes (default 4 KiB). */
  readonly maxPayloadBytes?: number;
  /** Told about every rejection, e.g. to increment a prom-client counter. */
  readonly onRejected?: (reason: string) => void;
  readonly now?: () => number;
}

export interface Rejection {
  readonly subject: string;
  readonly reason: string;
  readonly detail: string;
  readonly payload: Uint8Array | string;
}

export const DEFAULT_DEAD_LETTER_PAYLOAD_BYTES = 4096;

const decoder = new TextDecoder();

/**
 * Publishes every rejected message to `deadletter.<source>` and counts
 * rejections per reason. Publishing may fail (bus away): the caller
 * decides whether to nak the original message or drop it.
 */
export class DeadLetterPublisher {
  readonly subject: string;
  private readonly byReason = new Map<string, number>();
  private readonly maxPayloadBytes: number;

  constructor(private readonly options: DeadLetterOptions) {
    const source = options.source ?? options.service;
    if (!isValidHostName(source)) {
      throw new InvalidOptionError(
        `dead-letter source "${source}" is invalid: expected one subject token`,
      );
    }
    this.subject = deadLetterSubject(source);
    this.maxPayloadBytes =
      options.maxPayloadBytes ?? DEFAULT_DEAD_LETTER_PAYLOAD_BYTES;
  }

  /** Rejections so far, by reason. */
  get counts(): ReadonlyMap<string, number> {
    return this.byReason;
  }

  async reject(rejection: Rejection): Promise<void> {
    this.count(rejection.reason);
    await this.options.bus.publish(this.subject, this.letter(rejection));
  }

  /**
   * Rejects a bus message for `error`: a MessageValidationError keeps its
   * reason; anything else is `handler_error`.
   */
  rejectMessage(message: BusMessage, error: unknown): Promise<void> {
    const validation = error instanceof MessageValidationError;
    return this.reject({
      subject: message.subject,
      reason: validation ? error.reason : 'handler_error',
      detail: validation ? error.detail : String(error),
      payload: message.data,
    });
  }

  private count(reason: string): void {
    this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
    this.options.onRejected?.(reason);
  }

  private letter(rejection: Rejection): DeadLetter {
    return {
      v: 1,
      subject: rejection.subject,
      reason: rejection.reason,
      detail: rejection.detail,
      payload: truncate(rejection.payload, this.maxPayloadBytes),
      rejected_at: (this.options.now ?? Date.now)(),
      service: this.options.service,
    };
  }
}

function truncate(payload: Uint8Array | string, maxBytes: number): string {
  if (typeof payload === 'string') {
    return payload.length > maxBytes ? payload.slice(0, maxBytes) : payload;
  }
  // A cut inside a UTF-8 sequence decodes to U+FFFD, which is fine here.
  return decoder.decode(payload.subarray(0, maxBytes));
}
