import {
  readDuration,
  readEnum,
  readInt,
  readLogLevel,
  readMetricsSettings,
  readNatsSettings,
  readOptionalString,
  readString,
  readUrl,
  type Env,
  type MetricsSettings,
  type NatsSettings,
  type ServiceLogLevel,
} from '@hostwatch/transport';
import {
  DEFAULT_ALERTER_ACK_WAIT_MS,
  DEFAULT_ALERTER_DURABLE,
  DEFAULT_ALERTS_PATH,
  DEFAULT_COOLDOWN_MS,
} from './alerter-options.js';
import { hasDesktopSession } from './channels/desktop-session.js';
import {
  DEFAULT_WEBHOOK_ATTEMPTS,
  DEFAULT_WEBHOOK_BACKOFF_MS,
} from './channels/webhook-channel.js';

/** The alerter's `/metrics` port when `METRICS_PORT` is unset. */
export const DEFAULT_ALERTER_METRICS_PORT = 9103;
const DESKTOP_MODES = ['auto', 'on', 'off'] as const;

/** Everything `main.ts` needs, read once from the environment. */
export interface AlerterConfig extends NatsSettings, MetricsSettings {
  readonly logLevel: ServiceLogLevel;
  readonly alertsPath: string;
  readonly cooldownMs: number;
  readonly durable: string;
  readonly ackWaitMs: number;
  /** `ALERT_DESKTOP` auto: when a desktop session is detected. */
  readonly desktop: boolean;
  readonly webhookUrl: string | undefined;
  readonly webhookAttempts: number;
  readonly webhookBackoffMs: number;
}

/**
 * Reads the alerter's settings; a bad value throws a ConfigError naming
 * the variable, so the alerter refuses to start.
 */
export function readConfig(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
): AlerterConfig {
  return {
    ...readNatsSettings(env),
    ...readMetricsSettings(env, DEFAULT_ALERTER_METRICS_PORT),
    logLevel: readLogLevel(env),
    ...readAlertSettings(env, platform),
  };
}

function readAlertSettings(env: Env, platform: NodeJS.Platform) {
  const desktop = readEnum(env, 'ALERT_DESKTOP', DESKTOP_MODES, {
    default: 'auto',
  });
  return {
    alertsPath: readString(env, 'ALERTS_FILE', {
      default: DEFAULT_ALERTS_PATH,
    }),
    cooldownMs: readDuration(env, 'ALERT_COOLDOWN', {
      default: DEFAULT_COOLDOWN_MS,
    }),
    durable: readString(env, 'ALERTER_DURABLE', {
      default: DEFAULT_ALERTER_DURABLE,
      pattern: /^[A-Za-z0-9_-]{1,64}$/,
    }),
    ackWaitMs: readDuration(env, 'ALERTER_ACK_WAIT', {
      default: DEFAULT_ALERTER_ACK_WAIT_MS,
      min: 100,
    }),
    desktop:
      desktop === 'auto' ? hasDesktopSession(env, platform) : desktop === 'on',
    webhookUrl: readWebhookUrl(env),
    webhookAttempts: readInt(env, 'ALERT_WEBHOOK_ATTEMPTS', {
      default: DEFAULT_WEBHOOK_ATTEMPTS,
      min: 1,
      max: 100,
    }),
    webhookBackoffMs: readDuration(env, 'ALERT_WEBHOOK_BACKOFF', {
      default: DEFAULT_WEBHOOK_BACKOFF_MS,
      min: 1,
    }),
  };
}

/** Optional; when set it must be an http(s) URL. */
function readWebhookUrl(env: Env): string | undefined {
  if (readOptionalString(env, 'ALERT_WEBHOOK_URL') === undefined) {
    return undefined;
  }
  return readUrl(env, 'ALERT_WEBHOOK_URL');
}
