import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

/** The `tools/local` folder, where `npm start` runs `src/main.ts`. */
export const PACKAGE_DIR = resolve(import.meta.dirname, '../..');
export const REPO_DIR = resolve(PACKAGE_DIR, '../..');

/** One parsed JSON log line of local mode. */
export type LogLine = Readonly<Record<string, unknown>> & {
  readonly msg?: string;
};

/** Local mode as a real process, its log lines parsed as they come. */
export class LocalProcess {
  readonly lines: LogLine[] = [];
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess) {
    const input = createInterface({ input: child.stdout! });
    input.on('line', (line) => this.keep(line));
    this.exited = new Promise((done) => child.once('exit', (c) => done(c)));
  }

  /** Runs `src/main.ts` as `npm start` would, with exactly `env`. */
  static start(env: NodeJS.ProcessEnv): LocalProcess {
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'src/main.ts'],
      { cwd: PACKAGE_DIR, env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    return new LocalProcess(child);
  }

  /** The first line (seen or to come) that `match` accepts. */
  async waitForLine(
    match: (line: LogLine) => boolean,
    timeoutMs: number,
  ): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.lines.find(match);
      if (found !== undefined) return found;
      if (this.child.exitCode !== null) break;
      await sleep(100);
    }
    throw new Error(
      `no matching log line within ${timeoutMs} ms; last lines:\n${this.tail()}`,
    );
  }

  /** Sends SIGTERM and resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** Ends it hard, for cleanup after a failed test. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  tail(count = 10): string {
    return this.lines
      .slice(-count)
      .map((l) => JSON.stringify(l).slice(0, 300))
      .join('\n');
  }

  private keep(line: string): void {
    try {
      this.lines.push(JSON.parse(line) as LogLine);
    } catch {
      this.lines.push({ msg: line });
    }
  }
}

/** A running `lab stress`. */
export interface LabStress {
  /** Resolves when it exits 0, rejects otherwise. */
  readonly done: Promise<void>;
  /** Ends it hard, for cleanup after a failed test. */
  kill(): void;
}

/**
 * Runs the lab's stress command as a person would
 * (`npm run lab -- stress ...` in the repository).
 */
export function runLabStress(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): LabStress {
  const child = spawn(
    'npm',
    ['run', 'lab', '--silent', '-w', '@hostwatch/lab', '--', 'stress', ...args],
    // Its own process group, so kill() reaches node under npm as well.
    {
      cwd: REPO_DIR,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  );
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`lab stress exited ${code}`)),
    );
  });
  const kill = () => {
    if (child.exitCode === null && child.pid !== undefined) {
      process.kill(-child.pid, 'SIGKILL');
    }
  };
  return { done, kill };
}
