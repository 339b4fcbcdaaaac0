/**
 * Every failure the logger reports, with a stable `code` for callers and
 * tests; messages quote the bad value and say what was expected.
 */
export type LoggerErrorCode = 'INVALID_OPTION';

export class LoggerError extends Error {
  readonly code: LoggerErrorCode;

  constructor(code: LoggerErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'LoggerError';
    this.code = code;
  }
}

/** A builder option outside its range: `flushRows 0 is invalid`. */
export class InvalidOptionError extends LoggerError {
  constructor(message: string) {
    super('INVALID_OPTION', message);
    this.name = 'InvalidOptionError';
  }
}
