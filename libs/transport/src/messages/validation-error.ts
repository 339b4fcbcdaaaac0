import { TransportError } from '../errors.js';

/** Why a message was rejected: stable codes for counters and dead letters. */
export type ValidationReason =
  | 'invalid_json'
  | 'not_object'
  | 'missing_field'
  | 'wrong_type'
  | 'not_finite'
  | 'out_of_range'
  | 'future_timestamp'
  | 'bad_host'
  | 'unknown_version';

/**
 * A message that does not match its schema. `reason` is the stable code
 * (metric label, dead-letter reason), `field` the dotted path of the bad
 * field and `detail` says what was found and what was expected.
 */
export class MessageValidationError extends TransportError {
  readonly reason: ValidationReason;
  readonly field: string;
  readonly detail: string;

  constructor(reason: ValidationReason, field: string, detail: string) {
    super('MESSAGE_VALIDATION', `${reason}: ${detail}`);
    this.name = 'MessageValidationError';
    this.reason = reason;
    this.field = field;
    this.detail = detail;
  }
}
