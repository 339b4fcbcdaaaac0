/**
 * Failures the scorer reports. Each class sets `name`, keeps `cause` and
 * carries a stable `code`; messages quote the bad value and the expected.
 */
export type ScorerErrorCode = 'INVALID_OPTION' | 'MODEL_REFUSED';

export class ScorerError extends Error {
  readonly code: ScorerErrorCode;

  constructor(code: ScorerErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ScorerError';
    this.code = code;
  }
}

/** A scorer option outside its range: the scorer refuses to start. */
export class ScorerOptionError extends ScorerError {
  readonly option: string;

  constructor(option: string, value: unknown, expected: string) {
    super('INVALID_OPTION', `${option} ${String(value)}: expected ${expected}`);
    this.name = 'ScorerOptionError';
    this.option = option;
  }
}

/**
 * A model object that cannot be used: not JSON, not a model set, or one
 * whose features do not fit. The previous model stays in use.
 */
export class ModelRefusedError extends ScorerError {
  readonly modelName: string;

  constructor(modelName: string, reason: string, cause?: unknown) {
    super('MODEL_REFUSED', `model "${modelName}" refused: ${reason}`, cause);
    this.name = 'ModelRefusedError';
    this.modelName = modelName;
  }
}
