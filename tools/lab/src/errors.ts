/** A lab command given input it cannot work with; exits non-zero. */
export class LabError extends Error {
  readonly code: string;

  constructor(code: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'LabError';
    this.code = code;
  }
}
