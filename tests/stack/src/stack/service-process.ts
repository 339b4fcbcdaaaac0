import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoPath } from '../repo-root.js';

/** How much of a service's output is kept to explain a failure. */
const OUTPUT_TAIL_CHARS = 4000;

export interface ServiceProcess {
  readonly name: string;
  readonly metricsUrl: string;
  /** The last lines the service wrote (stdout and stderr). */
  output(): string;
  readonly exitCode: number | null;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface ServiceSpec {
  /** The service's folder under services/. */
  readonly service: string;
  /** A name for messages (two collectors differ by it). */
  readonly name: string;
  readonly metricsPort: number;
  readonly env: Readonly<Record<string, string>>;
}

/**
 * Starts a service the way its package's `start` script does (`node
 * --conditions=source --import tsx src/main.ts` in its folder), with only
 * the given environment besides PATH and HOME.
 */
export function startService(spec: ServiceSpec): ServiceProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'src/main.ts'],
    {
      cwd: repoPath('services', spec.service),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    name: spec.name,
    metricsUrl: `http://127.0.0.1:${spec.metricsPort}/metrics`,
    output: () => tail,
    get exitCode() {
      return child.exitCode;
    },
    stop: (graceMs = 5_000) => stopChild(child, graceMs),
  };
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const done = await Promise.race([
    exited.then(() => true),
    sleep(graceMs, false),
  ]);
  if (done) return;
  child.kill('SIGKILL');
  await exited;
}
