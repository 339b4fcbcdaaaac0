import { summaryPathOf } from '@hostwatch/logger';
import { createLogger, onShutdown, type Logger } from '@hostwatch/transport';
import { announceReady, announceTransport } from './announce.js';
import { readConfig, type LocalConfig } from './config.js';
import { startLocalMode } from './local-mode.js';
import { watchWarmUp } from './warm-up-watch.js';

/**
 * `npm start`: the collector, scorer, alerter and logger of this host in
 * one process, over NATS_URL, a nats-server on the PATH, or an
 * in-process bus. Ctrl-C or SIGTERM stops it cleanly (exit 0).
 */
async function main(): Promise<void> {
  // npm runs this in the workspace folder; paths given by the person are
  // meant relative to where they typed the command.
  const invokedFrom = process.env.INIT_CWD;
  if (invokedFrom) process.chdir(invokedFrom);
  const config = readConfigOrExit();
  const log = createLogger({ service: 'local', level: config.logLevel });
  const mode = await startLocalMode(config, (service) =>
    createLogger({ service, level: config.logLevel }),
  );
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
