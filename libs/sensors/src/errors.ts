/**
 * Every failure the sensor library reports, with a stable `code`. Absent
 * sensors are not errors: the sampler reports them as a list and the value
 * stays `null`.
 */
export type SensorErrorCode = 'INVALID_OPTION' | 'PARSE' | 'NOT_STARTED';

export class SensorError extends Error {
  readonly code: SensorErrorCode;

  constructor(code: SensorErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'SensorError';
    this.code = code;
  }
}

/** A sampler option outside its range: `topN -1 ... expected >= 0`. */
export class InvalidSensorOptionError extends SensorError {
  constructor(message: string) {
    super('INVALID_OPTION', message);
    this.name = 'InvalidSensorOptionError';
  }
}

/** Text from /proc, /sys or nvidia-smi that does not have the known shape. */
export class SensorParseError extends SensorError {
  constructor(source: string, message: string) {
    super('PARSE', `${source}: ${message}`);
    this.name = 'SensorParseError';
  }
}

/** `read()` before `start()` resolved, or after `stop()`. */
export class SamplerNotStartedError extends SensorError {
  constructor() {
    super('NOT_STARTED', 'sampler is not started: call start() first');
    this.name = 'SamplerNotStartedError';
  }
}
