/**
 * The collector's own failures, with a stable `code`. Configuration errors
 * come from the transport lib's env getters (ConfigError); CSV errors from
 * the detector lib (CsvFormatError).
 */
export type CollectorErrorCode = 'INVALID_OPTION' | 'STOPPED';

export class CollectorError extends Error {
  readonly code: CollectorErrorCode;

  constructor(code: CollectorErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CollectorError';
    this.code = code;
  }
}

/** An option outside its range: `intervalMs 0 ... expected >= 10`. */
export class InvalidCollectorOptionError extends CollectorError {
  constructor(message: string) {
    super('INVALID_OPTION', message);
    this.name = 'InvalidCollectorOptionError';
  }
}

/** Work cut short by `stop()` (a replay still publishing). */
export class CollectorStoppedError extends CollectorError {
  constructor(what: string) {
    super('STOPPED', `${what} was stopped before it finished`);
    this.name = 'CollectorStoppedError';
  }
}
