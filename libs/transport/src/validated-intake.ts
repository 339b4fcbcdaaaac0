import type { BusMessage } from './bus/bus.js';
import type { DeadLetterPublisher } from './dead-letter.js';
import { MessageValidationError } from './messages/validation-error.js';

/** Wait before a message whose dead letter failed comes again, ms. */
export const DEFAULT_DEAD_LETTER_RETRY_MS = 5_000;

export interface ValidatedIntakeOptions<T> {
  readonly deadLetters: DeadLetterPublisher;
  /** Decodes a message; throws MessageValidationError on a bad one. */
  readonly parse: (message: BusMessage) => T;
  /** Told about each message that did not validate, e.g. to log it. */
  readonly onInvalid?: (error: MessageValidationError, subject: string) => void;
  /** Told when a dead letter could not be published (bus away). */
  readonly onDeadLetterFailed?: (error: unknown, subject: string) => void;
  /** Wait before a nak'ed message comes again, ms (default 5 s). */
  readonly retryMs?: number;
}

/**
 * The edge of a consuming service: decodes and validates each message. One
 * that does not validate is dead-lettered and acked; it never stops the
 * stream. When the dead letter cannot be published the message is nak'ed,
 * to be rejected again later. Any other error from `parse` is thrown.
 */
export class ValidatedIntake<T> {
  constructor(private readonly options: ValidatedIntakeOptions<T>) {}

  /** The valid value, or null once a bad message was dealt with. */
  async decode(message: BusMessage): Promise<T | null> {
    try {
      return this.options.parse(message);
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
    this.options.onInvalid?.(error, subject);
    try {
      await this.options.deadLetters.rejectMessage(message, error);
      message.ack();
    } catch (err) {
      this.options.onDeadLetterFailed?.(err, subject);
      message.nak(this.options.retryMs ?? DEFAULT_DEAD_LETTER_RETRY_MS);
    }
  }
}
