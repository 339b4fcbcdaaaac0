import type { AnomalyEvent, DriftEvent } from '@hostwatch/transport';

export type AlertKind = 'anomaly' | 'drift';

/**
 * `sent`: handed to the channels, carrying the count of alerts folded into
 * it; `folded`: inside the cooldown, recorded but not sent.
 */
export type AlertStatus = 'sent' | 'folded';

/** One line of `alerts.jsonl`, and what the channels deliver. */
export interface Alert {
  readonly v: 1;
  readonly kind: AlertKind;
  readonly host: string;
  readonly seq: number;
  /** The event's time, ISO 8601. */
  readonly timestamp: string;
  /** When the alerter handled it, ISO 8601. */
  readonly alerted_at: string;
  readonly status: AlertStatus;
  /** Alerts of this host and kind folded since the last one sent. */
  readonly folded: number;
  readonly title: string;
  readonly message: string;
  readonly event: AnomalyEvent | DriftEvent;
}

/** The dedup key of an alert's source: one per host and kind. */
export function streamKey(kind: AlertKind, host: string): string {
  return `${kind}:${host}`;
}
