import type { Logger } from '@hostwatch/transport';
import type { LocalConfig } from './config.js';
import type { LocalMode } from './local-mode.js';

/** Where the durable setup is described. */
export const DURABLE_SETUP_HINT =
  'install nats-server on the PATH (https://docs.nats.io) ' +
  'or set NATS_URL for the durable NATS setup; see the README';

/** Says which transport local mode chose and how. */
export function announceTransport(mode: LocalMode, log: Logger): void {
  const { kind, url } = mode.transport;
  if (kind === 'embedded') {
    log.info(
      { transport: kind },
      'embedded mode: the four services share one process ' +
        'and an in-process bus ' +
        '(this host only, nothing kept across restarts); ' +
        DURABLE_SETUP_HINT,
    );
  } else if (kind === 'nats-server') {
    log.info({ transport: kind, url }, `started nats-server at ${url}`);
  } else {
    log.info({ transport: kind, url }, `using NATS at ${url} (NATS_URL)`);
  }
}

/** Where each `/metrics` is, where results go, when warm-up ends. */
export function announceReady(
  mode: LocalMode,
  config: LocalConfig,
  log: Logger,
): void {
  const metrics = Object.fromEntries(
    Object.entries(mode.addresses).map(([name, a]) => [
      name,
      `${a.url}/metrics`,
    ]),
  );
  const list = Object.entries(metrics).map(([n, u]) => `${n} ${u}`);
  log.info({ metrics }, `metrics: ${list.join(', ')}`);
  const csv = config.logger.csvPath;
  const alerts = config.alerter.alertsPath;
  log.info({ csv, alerts }, `writing results to ${csv}, alerts to ${alerts}`);
  const warmupMs = warmUpMs(mode, config);
  const warmupEndsAt = new Date(Date.now() + warmupMs);
  log.info(
    { warmupMs, warmupEndsAt, models: config.modelsDir },
    `warm-up: learning this host until about ${warmupEndsAt.toISOString()} ` +
      `(SCORER_WARMUP), unless ${config.modelsDir} holds a trained model`,
  );
}

/**
 * Warm-up ends once the samples span SCORER_WARMUP and the window holds
 * SCORER_MIN_FIT_SAMPLES of them, whichever comes later.
 */
function warmUpMs(mode: LocalMode, config: LocalConfig): number {
  const { warmupMs, minFitSamples } = mode.services.scorer.options;
  return Math.max(warmupMs, minFitSamples * config.collector.intervalMs);
}
