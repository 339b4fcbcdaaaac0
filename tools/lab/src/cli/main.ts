import { COMMANDS } from './commands.js';
import { runCli } from './run-cli.js';

// `npm run lab` runs this in the workspace folder; paths on the command
// line are meant relative to where the person typed them.
const invokedFrom = process.env.INIT_CWD;
if (invokedFrom) process.chdir(invokedFrom);

const controller = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  interrupts++;
  if (interrupts > 1) process.exit(130);
  process.stderr.write('\nlab: stopping (Ctrl-C again to force)\n');
  controller.abort();
});
process.on('SIGTERM', () => controller.abort());

const code = await runCli(COMMANDS, process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  signal: controller.signal,
});
process.exitCode = code;
