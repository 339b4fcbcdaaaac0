/**
 * Every failure the benchmark tool reports. Each carries a stable `code`
 * and names the file it is about.
 */
export type NabErrorCode =
  | 'MISSING_COLUMNS'
  | 'BAD_VALUE'
  | 'UNSORTED_TIMESTAMPS'
  | 'BAD_WINDOWS'
  | 'UNKNOWN_WINDOW_TIMESTAMP'
  | 'MISSING_FILE'
  | 'USAGE';

export class NabError extends Error {
  readonly code: NabErrorCode;
  readonly file: string;

  constructor(
    code: NabErrorCode,
    file: string,
    message: string,
    cause?: unknown,
  ) {
    super(`${file}: ${message}`, cause === undefined ? undefined : { cause });
    this.name = 'NabError';
    this.code = code;
    this.file = file;
  }
}

/** A header that lacks a column the benchmark needs. */
export class MissingColumnsError extends NabError {
  constructor(file: string, missing: readonly string[], header: string) {
    super(
      'MISSING_COLUMNS',
      file,
      `header "${header}" lacks ${missing.join(', ')}: expected timestamp,value`,
    );
    this.name = 'MissingColumnsError';
  }
}

/** A cell that is not a timestamp or number where one is expected. */
export class BadValueError extends NabError {
  constructor(file: string, line: number, message: string) {
    super('BAD_VALUE', file, `line ${line}: ${message}`);
    this.name = 'BadValueError';
  }
}

/** A row whose timestamp is well before the one above it. */
export class UnsortedTimestampsError extends NabError {
  constructor(file: string, line: number, previous: string, current: string) {
    super(
      'UNSORTED_TIMESTAMPS',
      file,
      `line ${line}: timestamp ${current} is before ${previous}: expected rows in time order`,
    );
    this.name = 'UnsortedTimestampsError';
  }
}

/** A windows entry that is not a list of [start, end] timestamp pairs. */
export class BadWindowsError extends NabError {
  constructor(file: string, message: string) {
    super('BAD_WINDOWS', file, message);
    this.name = 'BadWindowsError';
  }
}

/** A window boundary that is not the timestamp of any row of its file. */
export class UnknownWindowTimestampError extends NabError {
  constructor(file: string, timestamp: string) {
    super(
      'UNKNOWN_WINDOW_TIMESTAMP',
      file,
      `window boundary ${timestamp} is not a timestamp of the file: expected one of its rows`,
    );
    this.name = 'UnknownWindowTimestampError';
  }
}

/** A file or folder the corpus layout requires but that is absent. */
export class MissingFileError extends NabError {
  constructor(file: string, expected: string, cause?: unknown) {
    super('MISSING_FILE', file, `not found: expected ${expected}`, cause);
    this.name = 'MissingFileError';
  }
}

/** A command line that cannot be run. */
export class UsageError extends NabError {
  constructor(message: string) {
    super('USAGE', 'command line', message);
    this.name = 'UsageError';
  }
}
