export { buildAlerter, ALERTER_SUBJECTS } from './alerter-service.js';
export type { AlerterService } from './alerter-service.js';
export {
  parseAlerterOptions,
  DEFAULT_ALERTS_PATH,
  DEFAULT_COOLDOWN_MS,
  DEFAULT_ALERTER_DURABLE,
  DEFAULT_ALERTER_ACK_WAIT_MS,
  DEFAULT_JOURNAL_RETRY_MS,
} from './alerter-options.js';
export type {
  AlerterOptions,
  ParsedAlerterOptions,
  WebhookSettings,
} from './alerter-options.js';
export type { Alert, AlertKind, AlertStatus } from './alerts/alert.js';
export type { AlertChannel } from './channels/alert-channel.js';
export { BellChannel } from './channels/bell-channel.js';
export {
  DesktopChannel,
  DEFAULT_DESKTOP_TIMEOUT_MS,
} from './channels/desktop-channel.js';
export type { Notify } from './channels/desktop-channel.js';
export { hasDesktopSession } from './channels/desktop-session.js';
export {
  DEFAULT_WEBHOOK_ATTEMPTS,
  DEFAULT_WEBHOOK_BACKOFF_MS,
  DEFAULT_WEBHOOK_MAX_BACKOFF_MS,
  DEFAULT_WEBHOOK_TIMEOUT_MS,
} from './channels/webhook-channel.js';
export type { WebhookOptions } from './channels/webhook-channel.js';
export { readConfig } from './config.js';
export type { AlerterConfig } from './config.js';
export { AlerterError, ChannelError, InvalidOptionError } from './errors.js';
export type { AlerterErrorCode } from './errors.js';
