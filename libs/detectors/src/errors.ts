/**
 * Every failure the detector library reports. Each class carries a stable
 * `code` so callers (services, the lab) can branch without parsing messages,
 * and each message quotes the bad value and says what was expected.
 */
export type DetectorErrorCode =
  | 'INVALID_OPTION'
  | 'INVALID_INPUT'
  | 'UNKNOWN_FEATURE'
  | 'FEATURE_COUNT'
  | 'INSUFFICIENT_DATA'
  | 'NOT_FITTED'
  | 'MODEL_FORMAT'
  | 'CSV_FORMAT';

export class DetectorError extends Error {
  readonly code: DetectorErrorCode;

  constructor(code: DetectorErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'DetectorError';
    this.code = code;
  }
}

/** An option outside its documented range: `nu 1.5 is out of range`. */
export class InvalidOptionError extends DetectorError {
  constructor(message: string) {
    super('INVALID_OPTION', message);
    this.name = 'InvalidOptionError';
  }
}

/** A NaN, an Infinity or a value of the wrong type in data. */
export class InvalidInputError extends DetectorError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
    this.name = 'InvalidInputError';
  }
}

/** A feature name that is not part of the schema or of the model. */
export class UnknownFeatureError extends DetectorError {
  readonly feature: string;

  constructor(feature: string, expected: readonly string[]) {
    super(
      'UNKNOWN_FEATURE',
      `unknown feature "${feature}": expected one of ${expected.join(', ')}`,
    );
    this.name = 'UnknownFeatureError';
    this.feature = feature;
  }
}

/** A row whose length does not match the model's feature count. */
export class FeatureCountError extends DetectorError {
  constructor(actual: number, expected: number) {
    super('FEATURE_COUNT', `row has ${actual} features: expected ${expected}`);
    this.name = 'FeatureCountError';
  }
}

/** Fitting on fewer rows (or fewer of a class) than a detector needs. */
export class InsufficientDataError extends DetectorError {
  constructor(message: string) {
    super('INSUFFICIENT_DATA', message);
    this.name = 'InsufficientDataError';
  }
}

/** Scoring with a detector that was never fitted. */
export class NotFittedError extends DetectorError {
  constructor(kind: string) {
    super('NOT_FITTED', `${kind} is not fitted: call fit() before score()`);
    this.name = 'NotFittedError';
  }
}

/** A model JSON of another kind or version, or with missing fields. */
export class ModelFormatError extends DetectorError {
  constructor(message: string, cause?: unknown) {
    super('MODEL_FORMAT', message, cause);
    this.name = 'ModelFormatError';
  }
}

/**
 * A data set CSV that cannot be read: an unknown or duplicate column, a
 * non-numeric cell, a ragged row, an empty file. Names the source and the
 * 1-based line number.
 */
export class CsvFormatError extends DetectorError {
  readonly source: string;
  readonly line: number;

  constructor(source: string, line: number, message: string) {
    super('CSV_FORMAT', `${source}:${line}: ${message}`);
    this.name = 'CsvFormatError';
    this.source = source;
    this.line = line;
  }
}
