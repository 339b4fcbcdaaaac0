import { summaryPathOf } from '@hostwatch/logger';
import { createLogger, onShutdown, type Logger } from '@hostwatch/transport';
import { announceReady, announceTransport } from './announce.js';
import { readConfig, type LocalConfig } from './config.js';
import { startLocalMode } from './local-mode.js';
import { terminalDestination } from './terminal-log.js';
import { watchWarmUp } from './warm-up-watch.js';

/**
 * `npm start`: the collector, scorer, alerter and logger of this host in
 * one process, over NATS_URL, a nats-server on the PATH, or an
 * in-process bus. Ctrl-C or SIGTERM stops it cleanly (exit 0).
 */
/**
 * Readable lines in a terminal; JSON lines when piped or collected, or
 * with LOG_FORMAT=json.
 */
const destination =
  process.stdout.isTTY && process.env.LOG_FORMAT !== 'json'
    ? terminalDestination(process.stdout)
    : undefined;

async function main(): Promise<void> {
  // npm runs this in the workspace folder; paths given by the person are
  // meant relative to where they typed the command.
  const invokedFrom = process.env.INIT_CWD;
  if (invokedFrom) process.chdir(invokedFrom);
  const config = readConfigOrExit();
  const logFor = (service: string): Logger =>
    createLogger({ service, level: config.logLevel, destination });
  const log = logFor('local');
  const mode = await startLocalMode(config, logFor);
  const stopWatching = watchWarmUp(mode.services.scorer, (model) =>
    log.info({ model }, `warm-up over: scoring with the ${model} model`),
  );
  onShutdown(
    [{ name: 'warm-up watch', close: stopWatching }, ...mode.shutdownSteps],
    { onStep: (step) => log.info(step, 'shutdown step done') },
  );
  announceTransport(mode, log);
  announceReady(mode, config, log);
  logSummaryPath(config, log);
}

function logSummaryPath(config: LocalConfig, log: Logger): void {
  const summary = summaryPathOf(config.logger.csvPath);
  log.info({ summary }, `ready: Ctrl-C stops it and writes ${summary}`);
}

function readConfigOrExit(): LocalConfig {
  try {
    return readConfig(process.env);
  } catch (error) {
    createLogger({ service: 'local' }).fatal(
      { err: error },
      'invalid configuration',
    );
    process.exit(2);
  }
}

main().catch((error: unknown) => {
  createLogger({ service: 'local' }).fatal({ err: error }, 'local mode failed');
  process.exit(1);
});
