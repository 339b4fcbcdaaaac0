import notifier from 'node-notifier';
import type { Alert } from '../alerts/alert.js';
import { ChannelError } from '../errors.js';
import type { AlertChannel } from './alert-channel.js';

export const DEFAULT_DESKTOP_TIMEOUT_MS = 5_000;

/** What shows a notification; `node-notifier`'s `notify` by default. */
export type Notify = (
  notification: { title: string; message: string },
  callback: (error: Error | null) => void,
) => void;

const nodeNotify: Notify = (notification, callback) => {
  notifier.notify({ ...notification, wait: false }, (error) =>
    callback(error ?? null),
  );
};

/**
 * A desktop notification. `node-notifier` reports failure (no notifier
 * binary, no session) only through its callback, so the result is awaited
 * with a timeout and a failure rejects: the alerter falls back to the bell.
 */
export class DesktopChannel implements AlertChannel {
  readonly name = 'desktop';

  constructor(
    private readonly notify: Notify = nodeNotify,
    private readonly timeoutMs = DEFAULT_DESKTOP_TIMEOUT_MS,
  ) {}

  send(alert: Alert): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new ChannelError('desktop', `no answer in ${this.timeoutMs} ms`),
        );
      }, this.timeoutMs);
      this.notify({ title: alert.title, message: alert.message }, (error) => {
        clearTimeout(timer);
        if (error === null) resolve();
        else reject(new ChannelError('desktop', error.message, error));
      });
    });
  }
}
