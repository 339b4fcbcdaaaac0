import { LabError } from '../errors.js';
import type { Command, CommandIo } from './command.js';

/**
 * Dispatches `argv` to a subcommand. Bad input (a LabError, or any typed
 * error with a `code`) prints one line and exits 2; anything else is a bug
 * and exits 1 with its stack.
 */
export async function runCli(
  commands: readonly Command[],
  argv: readonly string[],
  io: CommandIo,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.out(overview(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`lab: unknown command "${name}"\n\n${overview(commands)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  return runCommand(command, rest, io);
}

async function runCommand(
  command: Command,
  argv: readonly string[],
  io: CommandIo,
): Promise<number> {
  try {
    return await command.run(argv, io);
  } catch (err) {
    if (isInputError(err)) {
      io.err(`lab ${command.name}: ${err.message}`);
      return 2;
    }
    throw err;
  }
}

function isInputError(err: unknown): err is Error {
  return (
    err instanceof LabError ||
    (err instanceof Error &&
      typeof (err as { code?: unknown }).code === 'string')
  );
}

function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: npm run lab -- <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run `npm run lab -- <command> --help` for a command's options.",
  ].join('\n');
}
