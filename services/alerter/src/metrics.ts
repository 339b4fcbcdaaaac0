import { Counter, type Registry } from 'prom-client';

/** The alerter's Prometheus metrics, registered on the service's registry. */
export interface AlerterMetrics {
  /** Alerts delivered, by kind and channel (desktop, bell, webhook). */
  readonly alerts: Counter<'kind' | 'channel'>;
  readonly folded: Counter<'kind'>;
  readonly channelFailures: Counter<'channel'>;
  readonly webhookFailures: Counter;
  readonly duplicates: Counter<'kind'>;
  readonly rejected: Counter<'reason'>;
  readonly journalFailures: Counter;
}

export function createAlerterMetrics(registry: Registry): AlerterMetrics {
  const registers = [registry];
  return {
    alerts: new Counter({
      name: 'alerter_alerts_total',
      help: 'Alerts delivered, by alert kind and channel',
      labelNames: ['kind', 'channel'],
      registers,
    }),
    folded: new Counter({
      name: 'alerter_folded_alerts_total',
      help: 'Alerts folded into the next one during the cooldown',
      labelNames: ['kind'],
      registers,
    }),
    channelFailures: new Counter({
      name: 'alerter_channel_failures_total',
      help: 'Alerts a channel could not deliver (after retries)',
      labelNames: ['channel'],
      registers,
    }),
    webhookFailures: new Counter({
      name: 'alerter_webhook_failures_total',
      help: 'Failed webhook requests, retried ones included',
      registers,
    }),
    duplicates: new Counter({
      name: 'alerter_duplicates_total',
      help: 'Redelivered events dropped because they were already alerted',
      labelNames: ['kind'],
      registers,
    }),
    rejected: new Counter({
      name: 'alerter_rejected_total',
      help: 'Events that failed validation and were dead-lettered',
      labelNames: ['reason'],
      registers,
    }),
    journalFailures: new Counter({
      name: 'alerter_journal_failures_total',
      help: 'Failed appends to alerts.jsonl (the event stays unacked)',
      registers,
    }),
  };
}
