import { InvalidOptionError } from '../errors.js';
import type { BusMessage, ConsumeOptions, MessageHandler } from './bus.js';
import { SubjectMatcher } from './subject-matcher.js';

export const DEFAULT_MAX_IN_FLIGHT = 64;
export const DEFAULT_ACK_WAIT_MS = 30_000;
export const DEFAULT_NAK_DELAY_MS = 1_000;
/** JetStream's "no limit" for max_deliver. */
export const UNLIMITED_DELIVERIES = -1;

/** `ConsumeOptions` with defaults applied, validated and frozen. */
export interface ParsedConsumeOptions {
  readonly durable: string;
  readonly subjects: readonly string[];
  readonly handler: MessageHandler;
  readonly maxInFlight: number;
  readonly autoAck: boolean;
  readonly ackWaitMs: number;
  readonly nakDelayMs: number;
  readonly maxDeliver: number;
  readonly onError: (error: unknown, message: BusMessage) => void;
}

const DURABLE_PATTERN = /^[A-Za-z0-9_-]{1,200}$/;

export function parseConsumeOptions(
  options: ConsumeOptions,
): ParsedConsumeOptions {
  assertDurable(options.durable);
  assertSubjects(options.subjects);
  return Object.freeze({
    durable: options.durable,
    subjects: Object.freeze([...options.subjects]),
    handler: options.handler,
    maxInFlight: positiveInt(
      'maxInFlight',
      options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
    ),
    autoAck: options.autoAck ?? true,
    ackWaitMs: positiveInt(
      'ackWaitMs',
      options.ackWaitMs ?? DEFAULT_ACK_WAIT_MS,
    ),
    nakDelayMs: nonNegativeInt(
      'nakDelayMs',
      options.nakDelayMs ?? DEFAULT_NAK_DELAY_MS,
    ),
    maxDeliver: positiveInt('maxDeliver', options.maxDeliver ?? Infinity),
    onError: options.onError ?? (() => undefined),
  });
}

function assertDurable(durable: string): void {
  if (!DURABLE_PATTERN.test(durable)) {
    throw new InvalidOptionError(
      `durable "${durable}" is invalid: expected 1-200 letters, digits, - or _`,
    );
  }
}

function assertSubjects(subjects: readonly string[]): void {
  if (subjects.length === 0) {
    throw new InvalidOptionError(
      'subjects [] is empty: expected at least one subject filter',
    );
  }
  for (const subject of subjects) new SubjectMatcher(subject);
}

function positiveInt(name: string, value: number): number {
  if (value === Infinity) return value;
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidOptionError(
      `${name} ${value} is invalid: expected an integer >= 1`,
    );
  }
  return value;
}

function nonNegativeInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidOptionError(
      `${name} ${value} is invalid: expected an integer >= 0`,
    );
  }
  return value;
}
