import type { Alert } from '../alerts/alert.js';

/**
 * Somewhere an alert goes. `send` resolves once the channel has taken the
 * alert and rejects when it could not; the alerter counts both.
 */
export interface AlertChannel {
  /** The `channel` label of `alerter_alerts_total`. */
  readonly name: string;
  send(alert: Alert): Promise<void>;
}
