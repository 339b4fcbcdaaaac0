import type { Alert } from '../alerts/alert.js';
import type { AlertChannel } from '../channels/alert-channel.js';
import { ChannelError } from '../errors.js';

/** A channel that records what it was sent, or fails every send. */
export class FakeChannel implements AlertChannel {
  readonly sent: Alert[] = [];

  constructor(
    readonly name: string,
    private readonly failing = false,
  ) {}

  send(alert: Alert): Promise<void> {
    if (this.failing) {
      return Promise.reject(new ChannelError(this.name, 'fake failure'));
    }
    this.sent.push(alert);
    return Promise.resolve();
  }
}
