import type { Logger } from '@hostwatch/transport';
import type { Alert } from '../alerts/alert.js';
import type { AlertChannel } from './alert-channel.js';

/** The terminal bell character. */
const BELL = '\u0007';

/**
 * The fallback when no desktop notification can be shown: rings the
 * terminal bell on `out` and writes the alert as a warning log line.
 */
export class BellChannel implements AlertChannel {
  readonly name = 'bell';

  constructor(
    private readonly log: Logger,
    private readonly out: NodeJS.WritableStream,
  ) {}

  send(alert: Alert): Promise<void> {
    this.out.write(BELL);
    const { kind, host, seq, folded } = alert;
    this.log.warn(
      { kind, host, seq, folded },
      `${alert.title}: ${alert.message}`,
    );
    return Promise.resolve();
  }
}
