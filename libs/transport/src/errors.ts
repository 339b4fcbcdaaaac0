/**
 * Every failure the transport library reports. Each class sets `name`,
 * keeps `cause` and carries a stable `code`, so services branch on the code
 * and never parse messages. Messages quote the bad value and say what was
 * expected.
 */
export type TransportErrorCode =
  | 'CONFIG'
  | 'INVALID_OPTION'
  | 'CONNECT_FAILED'
  | 'PUBLISH_FAILED'
  | 'CONSUME_FAILED'
  | 'STREAM_SETUP'
  | 'CLOSED'
  | 'MODEL_STORE'
  | 'MESSAGE_VALIDATION';

export class TransportError extends Error {
  readonly code: TransportErrorCode;

  constructor(code: TransportErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'TransportError';
    this.code = code;
  }
}

/**
 * A bad environment variable or setting: the service refuses to start.
 * `variable` names the setting (`NATS_URL`), `value` is what was given.
 */
export class ConfigError extends TransportError {
  readonly variable: string;
  readonly value: string | undefined;

  constructor(variable: string, value: string | undefined, expected: string) {
    const shown = value === undefined ? 'is not set' : `"${value}" is invalid`;
    super('CONFIG', `${variable} ${shown}: expected ${expected}`);
    this.name = 'ConfigError';
    this.variable = variable;
    this.value = value;
  }
}

/** An option of a library function outside its documented range. */
export class InvalidOptionError extends TransportError {
  constructor(message: string) {
    super('INVALID_OPTION', message);
    this.name = 'InvalidOptionError';
  }
}

/** Publishing or consuming on a bus that was drained. */
export class BusClosedError extends TransportError {
  constructor(kind: string, operation: string) {
    super('CLOSED', `cannot ${operation}: the ${kind} bus is drained`);
    this.name = 'BusClosedError';
  }
}
