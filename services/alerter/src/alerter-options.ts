import type { Bus, Logger } from '@hostwatch/transport';
import type { Registry } from 'prom-client';
import type { AlertChannel } from './channels/alert-channel.js';
import { BellChannel } from './channels/bell-channel.js';
import type { WebhookOptions } from './channels/webhook-channel.js';
import { InvalidOptionError } from './errors.js';

export const DEFAULT_ALERTS_PATH = 'data/alerts.jsonl';
export const DEFAULT_COOLDOWN_MS = 10_000;
export const DEFAULT_ALERTER_DURABLE = 'alerter';
/**
 * How long a delivered event may stay unacked before JetStream sends it
 * again: how soon the events held by a crashed alerter come back.
 */
export const DEFAULT_ALERTER_ACK_WAIT_MS = 10_000;
/** Wait between tries to append to an unwritable alerts.jsonl, ms. */
export const DEFAULT_JOURNAL_RETRY_MS = 1_000;

export interface AlerterOptions {
  readonly bus: Bus;
  readonly registry: Registry;
  readonly log: Logger;
  readonly alertsPath?: string;
  /** One alert per host and kind per cooldown, ms; 0 sends every one. */
  readonly cooldownMs?: number;
  /** Desktop notifications; null (no desktop session) uses the bell. */
  readonly desktop: AlertChannel | null;
  /** The fallback; default the terminal bell on stderr and a log line. */
  readonly bell?: AlertChannel;
  /** Posts every sent alert as JSON when given. */
  readonly webhook?: WebhookSettings | null;
  readonly durable?: string;
  /** Redeliver an event not acked within this time, ms. */
  readonly ackWaitMs?: number;
  readonly journalRetryMs?: number;
  /** Wall clock for the cooldown, ms since the epoch. */
  readonly now?: () => number;
}

/** The webhook's settings; failures are counted and logged by the alerter. */
export type WebhookSettings = Omit<WebhookOptions, 'onAttemptFailed'>;

export type ParsedAlerterOptions = Required<AlerterOptions>;

export function parseAlerterOptions(
  options: AlerterOptions,
): ParsedAlerterOptions {
  return Object.freeze({
    ...options,
    alertsPath: options.alertsPath ?? DEFAULT_ALERTS_PATH,
    cooldownMs: nonNegative(
      'cooldownMs',
      options.cooldownMs ?? DEFAULT_COOLDOWN_MS,
    ),
    bell: options.bell ?? new BellChannel(options.log, process.stderr),
    webhook: options.webhook ?? null,
    durable: options.durable ?? DEFAULT_ALERTER_DURABLE,
    ackWaitMs: nonNegative(
      'ackWaitMs',
      options.ackWaitMs ?? DEFAULT_ALERTER_ACK_WAIT_MS,
    ),
    journalRetryMs: nonNegative(
      'journalRetryMs',
      options.journalRetryMs ?? DEFAULT_JOURNAL_RETRY_MS,
    ),
    now: options.now ?? Date.now,
  });
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new InvalidOptionError(
      `${name} ${value} is invalid: expected a number >= 0`,
    );
  }
  return value;
}
