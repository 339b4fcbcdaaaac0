export type LocalErrorCode =
  'NATS_SERVER_FAILED' | 'PORT_TAKEN' | 'INVALID_CONFIG';

/** A failure of local mode itself, with a stable code. */
export class LocalModeError extends Error {
  override readonly name = 'LocalModeError';

  constructor(
    readonly code: LocalErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
