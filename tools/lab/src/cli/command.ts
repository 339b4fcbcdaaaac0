/** One lab subcommand: its name, its help, and what it does. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly usage: string;
  /** Resolves with the process exit code. */
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

/** Where a command talks to the person at the terminal. */
export interface CommandIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Aborted on Ctrl-C, so long work can stop and clean up. */
  readonly signal: AbortSignal;
}
