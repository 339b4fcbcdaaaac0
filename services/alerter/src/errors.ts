/**
 * Every failure the alerter reports, with a stable `code` for callers and
 * tests; messages quote the bad value and say what was expected.
 */
export type AlerterErrorCode = 'INVALID_OPTION' | 'CHANNEL_FAILED';

export class AlerterError extends Error {
  readonly code: AlerterErrorCode;

  constructor(code: AlerterErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'AlerterError';
    this.code = code;
  }
}

/** A channel could not deliver an alert: `channel` names which. */
export class ChannelError extends AlerterError {
  readonly channel: string;

  constructor(channel: string, detail: string, cause?: unknown) {
    super('CHANNEL_FAILED', `${channel} channel failed: ${detail}`, cause);
    this.name = 'ChannelError';
    this.channel = channel;
  }
}

/** A builder option outside its range: `cooldownMs -1 is invalid`. */
export class InvalidOptionError extends AlerterError {
  constructor(message: string) {
    super('INVALID_OPTION', message);
    this.name = 'InvalidOptionError';
  }
}
