import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.js';

/**
 * A throwaway `nats-server` with JetStream for integration tests: a free
 * port, its own temp store dir, removed on `stop()`. Never port 4222.
 */
export interface NatsServerOptions {
  /** Server binary; default `/usr/sbin/nats-server`, else `nats-server`. */
  readonly binary?: string;
  /** Extra config text appended verbatim (mappings, accounts, ...). */
  readonly config?: string;
  /** Enable JetStream (default true). */
  readonly jetstream?: boolean;
  /** How long to wait for the server to accept connections, ms. */
  readonly startTimeoutMs?: number;
}

export interface NatsServerHandle {
  /** `nats://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The JetStream store dir (kept across `restart()`). */
  readonly storeDir: string;
  /** Stops the server and removes its temp dir. */
  stop(): Promise<void>;
  /** Stops the server (if running) without removing anything. */
  kill(): Promise<void>;
  /** Starts it again on the same port and store (outage tests). */
  restart(): Promise<void>;
}

export const DEFAULT_NATS_SERVER_START_TIMEOUT_MS = 10_000;

/** Starts a nats-server and resolves once it accepts TCP connections. */
export async function startNatsServer(
  options: NatsServerOptions = {},
): Promise<NatsServerHandle> {
  const dir = await mkdtemp(join(tmpdir(), 'hostwatch-nats-'));
  const port = await freePort();
  const configPath = join(dir, 'server.conf');
  await writeFile(configPath, serverConfig(port, dir, options));
  const server = new RunningServer(options, configPath, port);
  await server.start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir: join(dir, 'jetstream'),
    stop: async () => {
      await server.kill();
      await rm(dir, { recursive: true, force: true });
    },
    kill: () => server.kill(),
    restart: async () => {
      await server.kill();
      await server.start();
    },
  };
}

function serverConfig(
  port: number,
  dir: string,
  options: NatsServerOptions,
): string {
  const lines = [`listen: "127.0.0.1:${port}"`];
  if (options.jetstream ?? true) {
    lines.push(`jetstream { store_dir: "${join(dir, 'jetstream')}" }`);
  }
  if (options.config !== undefined) lines.push(options.config);
  return `${lines.join('\n')}\n`;
}

function resolveBinary(binary: string | undefined): string {
  if (binary !== undefined) return binary;
  return existsSync('/usr/sbin/nats-server')
    ? '/usr/sbin/nats-server'
    : 'nats-server';
}

class RunningServer {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(
    private readonly options: NatsServerOptions,
    private readonly configPath: string,
    private readonly port: number,
  ) {}

  async start(): Promise<void> {
    const binary = resolveBinary(this.options.binary);
    const child = spawn(binary, ['-c', this.configPath], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.output = '';
    child.stderr?.on('data', (chunk: Buffer) => this.keepOutput(chunk));
    this.child = child;
    const timeout =
      this.options.startTimeoutMs ?? DEFAULT_NATS_SERVER_START_TIMEOUT_MS;
    await this.waitUntilListening(child, timeout);
  }

  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child === null || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) =>
      child.once('exit', () => resolve()),
    );
    child.kill('SIGTERM');
    const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(hard);
  }

  private keepOutput(chunk: Buffer): void {
    this.output = (this.output + chunk.toString()).slice(-4_000);
  }

  private async waitUntilListening(
    child: ChildProcess,
    timeoutMs: number,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(
          `nats-server exited with ${child.exitCode}: ${this.output}`,
        );
      }
      if (
        this.output.includes('Server is ready') &&
        (await canConnect(this.port))
      ) {
        return;
      }
      await sleep(25);
    }
    await this.kill();
    throw new Error(
      `nats-server did not accept connections on ${this.port} ` +
        `within ${timeoutMs} ms: ${this.output}`,
    );
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
