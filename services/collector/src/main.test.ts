import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { connectNatsBus, type NatsBus } from '@hostwatch/transport';
import {
  collectMessages,
  freePort,
  startNatsServer,
  waitFor,
  type NatsServerHandle,
} from '@hostwatch/transport/testing';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

interface Run {
  readonly lines: () => Record<string, unknown>[];
  readonly exited: Promise<number | null>;
  readonly kill: () => void;
}

/** Starts `main.ts` as the service runs, with `env` added. */
function runMain(env: Record<string, string>): Run {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', MAIN],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    lines: () =>
      out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
    kill: () => child.kill('SIGTERM'),
  };
}

let server: NatsServerHandle;
let bus: NatsBus;

before(async () => {
  server = await startNatsServer();
  bus = await connectNatsBus({ url: server.url, name: 'main-test' });
});

after(async () => {
  await bus.drain();
  await server.stop();
});

describe('collector main', () => {
  it('stops at once on a bad variable, naming it', async () => {
    const run = runMain({ COLLECTOR_INTERVAL: 'often' });
    assert.equal(await run.exited, 2);
    const fatal = run.lines().find((line) => line.level === 60);
    const err = fatal?.err as { message?: string } | undefined;
    assert.match(err?.message ?? '', /COLLECTOR_INTERVAL "often" is invalid/);
  });

  it('publishes, serves /metrics and /healthz, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const run = runMain({
      NATS_URL: server.url,
      METRICS_PORT: String(port),
      COLLECTOR_HOST: 'main-test',
      COLLECTOR_INTERVAL: '100ms',
      COLLECTOR_NVIDIA_SMI: 'off',
      LOG_LEVEL: 'info',
    });
    try {
      await collectMessages(bus, {
        subjects: ['metrics.main-test'],
        count: 2,
        timeoutMs: 30_000,
      });
      await waitFor(
        () =>
          run.lines().some((l) => l.msg === 'serving /metrics and /healthz'),
        10_000,
      );
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      assert.equal(health.status, 200);
      const metrics = await (
        await fetch(`http://127.0.0.1:${port}/metrics`)
      ).text();
      assert.match(metrics, /^collector_samples_total \d+/m);
    } finally {
      run.kill();
    }
    assert.equal(await run.exited, 0);
    const absent = run
      .lines()
      .filter((l) => l.msg === 'sensor absent: its values are null');
    assert.ok(absent.some((l) => l.sensor === 'gpu'));
  });
});
