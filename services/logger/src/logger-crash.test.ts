import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  connectNatsBus,
  scoresSubject,
  type NatsBus,
} from '@hostwatch/transport';
import {
  startNatsServer,
  type NatsServerHandle,
} from '@hostwatch/transport/testing';
import {
  eventually,
  expectedKeys,
  loggedKeys,
} from './test-support/csv-rows.js';
import { scoreResult } from './test-support/score-results.js';

const SERVICE_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const HOSTS = ['crash-a', 'crash-b'];
const PER_HOST = 300;
let nats: NatsServerHandle;
let bus: NatsBus;
let dir = '';

before(async () => {
  nats = await startNatsServer();
  bus = await connectNatsBus({ url: nats.url, name: 'logger-crash-test' });
  dir = await mkdtemp(join(tmpdir(), 'logger-crash-'));
});

after(async () => {
  await bus.drain();
  await nats.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The logger's main.ts as a real process, as `npm start` runs it. */
function startLogger(): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'src/main.ts'],
    {
      cwd: SERVICE_DIR,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NATS_URL: nats.url,
        PERFORMANCE_LOG_FILE: join(dir, 'performance_log.csv'),
        METRICS_PORT: '0',
        LOGGER_FLUSH_ROWS: '5',
        LOGGER_FLUSH_INTERVAL: '50ms',
        LOGGER_ACK_WAIT: '2s',
        LOG_LEVEL: 'warn',
      },
    },
  );
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Publishes seqs `from..to` of every host, pausing `paceMs` per seq. */
async function publish(from: number, to: number, paceMs = 0): Promise<void> {
  for (let seq = from; seq <= to; seq++) {
    for (const host of HOSTS) {
      const msgId = `${host}:${seq}`;
      await bus.publish(scoresSubject(host), scoreResult(host, seq), { msgId });
    }
    if (paceMs > 0) await sleep(paceMs);
  }
}

test('kill -9 mid-stream and a restart leave every sequence exactly once', async () => {
  const first = startLogger();
  await publish(1, 20);
  await eventually(
    async () => (await loggedKeys(dir)).length >= 40,
    60_000,
    'the first logger writing rows',
  );
  const publishing = publish(21, PER_HOST, 5);
  await eventually(
    async () => (await loggedKeys(dir)).length >= 200,
    60_000,
    'the first logger in mid-stream',
  );
  first.kill('SIGKILL');
  await exited(first);
  const atKill = (await loggedKeys(dir)).length;
  await publishing;
  const second = startLogger();
  const expected = expectedKeys(HOSTS, PER_HOST).sort();
  await eventually(
    async () => (await loggedKeys(dir)).length >= expected.length,
    60_000,
    'the restarted logger catching up',
  );
  second.kill('SIGTERM');
  assert.equal(await exited(second), 0);
  assert.ok(atKill < expected.length, `killed after all ${atKill} rows`);
  assert.deepEqual((await loggedKeys(dir)).sort(), expected);
  const summary = join(dir, 'performance_log.summary.json');
  const { rows } = JSON.parse(await readFile(summary, 'utf8')) as {
    rows: number;
  };
  assert.equal(rows, expected.length - atKill);
});
