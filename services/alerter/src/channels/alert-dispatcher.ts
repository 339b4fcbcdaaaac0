import type { Logger } from '@hostwatch/transport';
import type { Alert } from '../alerts/alert.js';
import type { AlerterMetrics } from '../metrics.js';
import type { AlertChannel } from './alert-channel.js';

export interface AlertDispatcherOptions {
  /** Desktop notification, or null without a desktop session. */
  readonly desktop: AlertChannel | null;
  /** Terminal bell and log line: used without desktop or when it fails. */
  readonly bell: AlertChannel;
  /** Optional webhook, tried independently of the local channels. */
  readonly webhook: AlertChannel | null;
  readonly metrics: AlerterMetrics;
  readonly log: Logger;
}

/**
 * Hands sent alerts to the channels in the background (a slow webhook
 * never holds the stream) and keeps track of deliveries under way, so
 * shutdown can wait for them.
 */
export class AlertDispatcher {
  private readonly underway = new Set<Promise<void>>();

  constructor(private readonly options: AlertDispatcherOptions) {}

  dispatch(alert: Alert): void {
    const delivery = this.deliver(alert);
    this.underway.add(delivery);
    void delivery.finally(() => this.underway.delete(delivery));
  }

  /** Resolves once every delivery under way has ended. */
  async idle(): Promise<void> {
    await Promise.all([...this.underway]);
  }

  private async deliver(alert: Alert): Promise<void> {
    const { webhook } = this.options;
    await Promise.all([
      this.notifyLocally(alert),
      webhook === null ? undefined : this.tryChannel(webhook, alert),
    ]);
  }

  private async notifyLocally(alert: Alert): Promise<void> {
    const { desktop, bell } = this.options;
    if (desktop !== null && (await this.tryChannel(desktop, alert))) return;
    await this.tryChannel(bell, alert);
  }

  /** True when the channel took the alert; failures are counted. */
  private async tryChannel(channel: AlertChannel, alert: Alert) {
    const { metrics, log } = this.options;
    try {
      await channel.send(alert);
      metrics.alerts.inc({ kind: alert.kind, channel: channel.name });
      return true;
    } catch (err) {
      metrics.channelFailures.inc({ channel: channel.name });
      const { kind, host, seq } = alert;
      log.warn(
        { err, channel: channel.name, kind, host, seq },
        'not delivered',
      );
      return false;
    }
  }
}
