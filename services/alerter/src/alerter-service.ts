import { setTimeout as sleep } from 'node:timers/promises';
import type { BusMessage, Subscription } from '@hostwatch/transport';
import { DeliveryDedup, type ValidatedIntake } from '@hostwatch/transport';
import {
  parseAlerterOptions,
  type AlerterOptions,
  type ParsedAlerterOptions,
  type WebhookSettings,
} from './alerter-options.js';
import { streamKey, type Alert } from './alerts/alert.js';
import { anomalyAlert, driftAlert } from './alerts/build-alert.js';
import { Cooldown } from './alerts/cooldown.js';
import { AlertDispatcher } from './channels/alert-dispatcher.js';
import { WebhookChannel } from './channels/webhook-channel.js';
import { eventIntake, type AlertEvent } from './intake/event-intake.js';
import { AlertJournal } from './journal/alert-journal.js';
import { readAlerted } from './journal/alerted-events.js';
import { createAlerterMetrics, type AlerterMetrics } from './metrics.js';

/** The subjects the alerter consumes. */
export const ALERTER_SUBJECTS = ['anomalies.>', 'drift.>'] as const;

export interface AlerterService {
  readonly alertsPath: string;
  /** False while alerts.jsonl cannot be written (events wait, unacked). */
  readonly writable: boolean;
  /** Rebuilds the dedup state from alerts.jsonl and starts consuming. */
  start(): Promise<void>;
  /** Stops consuming and ends deliveries under way; final. */
  stop(): Promise<void>;
}

/**
 * The alerter: each anomaly or drift event is checked against what was
 * already alerted (host + sequence), folded or sent by the cooldown,
 * appended to alerts.jsonl (fsynced), acked, and only then handed to the
 * channels, so a redelivery never alerts twice. Runs on any Bus.
 */
export function buildAlerter(options: AlerterOptions): AlerterService {
  return new Alerter(parseAlerterOptions(options));
}

class Alerter implements AlerterService {
  private readonly metrics: AlerterMetrics;
  private readonly journal: AlertJournal;
  private readonly cooldown: Cooldown;
  private readonly dispatcher: AlertDispatcher;
  private readonly webhook: WebhookChannel | null;
  private readonly intake: ValidatedIntake<AlertEvent>;
  private alerted = new DeliveryDedup();
  private subscription: Subscription | null = null;
  private stopping = new AbortController();
  private failing = false;

  constructor(private readonly options: ParsedAlerterOptions) {
    const { registry, bus, log, desktop, bell } = options;
    const metrics = createAlerterMetrics(registry);
    this.metrics = metrics;
    this.journal = new AlertJournal(options.alertsPath);
    this.cooldown = new Cooldown(options.cooldownMs);
    const webhook = this.webhookOf(options.webhook);
    this.webhook = webhook;
    this.dispatcher = new AlertDispatcher({
      desktop,
      bell,
      webhook,
      metrics,
      log,
    });
    this.intake = eventIntake(bus, metrics, log);
  }

  get alertsPath(): string {
    return this.options.alertsPath;
  }

  get writable(): boolean {
    return !this.failing;
  }

  async start(): Promise<void> {
    this.alerted = await readAlerted(this.alertsPath);
    this.stopping = new AbortController();
    const { bus, durable, ackWaitMs, log, cooldownMs } = this.options;
    this.subscription = await bus.consume({
      durable,
      subjects: ALERTER_SUBJECTS,
      ackWaitMs,
      autoAck: false,
      handler: (message) => this.handle(message),
    });
    log.info({ path: this.alertsPath, durable, cooldownMs }, 'alerting');
  }

  /**
   * Stops consuming, then cuts short webhook posts still retrying (counted
   * as failures; the alert stays in alerts.jsonl) and waits for the local
   * channels. Final: build a new alerter to start again.
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.subscription?.stop();
    this.subscription = null;
    this.webhook?.close();
    await this.dispatcher.idle();
  }

  private webhookOf(settings: WebhookSettings | null): WebhookChannel | null {
    if (settings === null) return null;
    const { metrics, log } = this;
    return new WebhookChannel({
      ...settings,
      onAttemptFailed: (attempt, err) => {
        metrics.webhookFailures.inc();
        log.warn({ err, attempt }, 'webhook post failed');
      },
    });
  }

  private get log() {
    return this.options.log;
  }

  private async handle(message: BusMessage): Promise<void> {
    const event = await this.intake.decode(message);
    if (event === null) return;
    const key = streamKey(event.kind, event.event.host);
    if (this.alerted.has(key, event.event.seq)) {
      this.metrics.duplicates.inc({ kind: event.kind });
      message.ack();
      return;
    }
    const alert = this.alertOf(event);
    if (!(await this.record(alert))) return;
    this.alerted.add(key, alert.seq);
    message.ack();
    if (alert.status === 'sent') this.dispatcher.dispatch(alert);
    else this.metrics.folded.inc({ kind: alert.kind });
  }

  private alertOf({ kind, event }: AlertEvent): Alert {
    const decision = this.cooldown.decide(kind, event.host, this.options.now());
    return kind === 'anomaly'
      ? anomalyAlert(event, decision)
      : driftAlert(event, decision);
  }

  /**
   * Appends the alert, retrying while the path is unwritable (the message
   * stays unacked meanwhile); false when stopped before it was written.
   */
  private async record(alert: Alert): Promise<boolean> {
    for (;;) {
      try {
        await this.journal.append(alert);
        this.recovered();
        return true;
      } catch (err) {
        this.writeFailed(err);
      }
      if (!(await this.waitToRetry())) return false;
    }
  }

  private waitToRetry(): Promise<boolean> {
    const { signal } = this.stopping;
    return sleep(this.options.journalRetryMs, true, { signal }).catch(
      () => false,
    );
  }

  private writeFailed(err: unknown): void {
    this.metrics.journalFailures.inc();
    if (this.failing) return;
    this.failing = true;
    const path = this.alertsPath;
    this.options.log.error({ err, path }, 'alert not written, not acking');
  }

  private recovered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.options.log.info({ path: this.alertsPath }, 'alert writing resumed');
  }
}
