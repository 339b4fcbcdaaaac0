import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalModeError } from '../errors.js';
import { freePort } from './free-port.js';

export interface NatsServerProcessOptions {
  /** The `nats-server` binary found on the PATH. */
  readonly binary: string;
  /** JetStream store dir, e.g. `data/nats`. */
  readonly storeDir: string;
  /** How long to wait for it to accept connections, ms. */
  readonly startTimeoutMs?: number;
}

export interface NatsServerProcess {
  /** `nats://127.0.0.1:<port>` */
  readonly url: string;
  /** Stops the server (SIGTERM, SIGKILL after 5 s). */
  stop(): Promise<void>;
}

export const DEFAULT_NATS_START_TIMEOUT_MS = 10_000;
const KILL_AFTER_MS = 5_000;

/**
 * Starts `nats-server -js -sd <storeDir> -a 127.0.0.1 -p <free port>`
 * and resolves once it accepts TCP connections. A free port, because the
 * machine may already run its own NATS on 4222.
 */
export async function startNatsServerProcess(
  options: NatsServerProcessOptions,
): Promise<NatsServerProcess> {
  await mkdir(options.storeDir, { recursive: true });
  const port = await freePort();
  const args = ['-js', '-sd', options.storeDir, '-a', '127.0.0.1'];
  const child = spawn(options.binary, [...args, '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group: a Ctrl-C in the terminal must not stop it
    // before the services have drained into it.
    detached: true,
  });
  const backstop = () => child.kill('SIGKILL');
  process.once('exit', backstop);
  const output = keepTail(child);
  const timeout = options.startTimeoutMs ?? DEFAULT_NATS_START_TIMEOUT_MS;
  try {
    await waitUntilListening(child, port, timeout);
  } catch (error) {
    await stopChild(child);
    process.off('exit', backstop);
    throw new LocalModeError(
      'NATS_SERVER_FAILED',
      `${options.binary} did not start on port ${port}: ${String(error)}; its output: ${output()}`,
      { cause: error },
    );
  }
  const stop = async () => {
    await stopChild(child);
    process.off('exit', backstop);
  };
  return { url: `nats://127.0.0.1:${port}`, stop };
}

function keepTail(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-2_000);
  });
  return () => text.trim();
}

async function waitUntilListening(
  child: ChildProcess,
  port: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`it exited with code ${child.exitCode}`);
    }
    if (await accepts(port)) return;
    await sleep(50);
  }
  throw new Error(`no connection accepted within ${timeoutMs} ms`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const hard = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
  await exited;
  clearTimeout(hard);
}
