import assert from 'node:assert/strict';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it, type TestContext } from 'node:test';
import {
  startNatsServer,
  type NatsServerHandle,
} from '@hostwatch/transport/testing';
import {
  LocalProcess,
  runLabStress,
  type LogLine,
} from './test-support/local-process.js';
import {
  readAlerts,
  readCsvRows,
  type AlertLine,
} from './test-support/result-files.js';

/** The bound: an alert within 15 s of a stress start. */
const ALERT_WITHIN_MS = 15_000;
/** Flags must clear within this time after a stress ends. */
const CLEAR_WITHIN_MS = 30_000;
/** Consecutive unflagged rows that count as cleared. */
const CLEAR_ROWS = 3;
/**
 * A quarter of this machine's memory, at most 4 GiB: far past the online
 * model's 1-point noise floor on any host, and quick to fault in (a busy
 * VM touches under 1 GiB/s).
 */
const MEMORY_STRESS_MIB = Math.min(4096, Math.floor(totalmem() / 4 / 2 ** 20));
interface Stress {
  readonly args: readonly string[];
  /** One of these must be among an alert's top three features. */
  readonly features: readonly string[];
}

const CPU_STRESS: Stress = {
  args: ['--cpu', 'all'],
  features: ['cpu_percent', 'cpu_freq', 'cpu_temp'],
};
const MEMORY_STRESS: Stress = {
  args: ['--memory', String(MEMORY_STRESS_MIB)],
  features: ['cpu_memory'],
};

/** Warm-up CPU above this leaves a CPU stress nothing to show. */
const BUSY_CPU_PERCENT = 90;
/** A folder with node but no nats-server (that lives in /usr/sbin). */
const PATH_WITHOUT_NATS = '/usr/bin:/bin';

interface Flow {
  readonly warmup: string;
  readonly stressSeconds: number;
}

describe('npm start on this host with a real nats-server', () => {
  let nats: NatsServerHandle;
  before(async () => {
    nats = await startNatsServer();
  });
  after(() => nats.stop());

  it('turns CPU and memory stress into alerts that clear', async (t) => {
    const env = { NATS_URL: nats.url, PATH: process.env.PATH };
    await runFlow(t, env, 'nats-url', { warmup: '30s', stressSeconds: 15 });
  });
});

describe('npm start on this host with no NATS reachable', () => {
  it('runs embedded and still alerts on CPU and memory stress', async (t) => {
    const env = { PATH: PATH_WITHOUT_NATS };
    await runFlow(t, env, 'embedded', { warmup: '20s', stressSeconds: 12 });
  });
});

async function runFlow(
  t: TestContext,
  transportEnv: NodeJS.ProcessEnv,
  transport: string,
  flow: Flow,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hostwatch-local-'));
  const local = LocalProcess.start(localEnv(dir, transportEnv, flow));
  try {
    await local.waitForLine((l) => l.transport === transport, 60_000);
    await local.waitForLine(isWarmUpOver, 120_000);
    const busy = await cpuAlreadyBusy(dir);
    await t.test('CPU stress alerts and clears', { skip: busy }, () =>
      stressAndCheck(dir, CPU_STRESS, flow),
    );
    await t.test('memory stress alerts and clears', () =>
      stressAndCheck(dir, MEMORY_STRESS, flow),
    );
    assert.equal(await local.stop(), 0, 'local mode exits 0 on SIGTERM');
    await checkFiles(dir);
  } catch (error) {
    process.stderr.write(`local mode's last lines:\n${local.tail(20)}\n`);
    process.stderr.write(`its files are kept in ${dir}\n`);
    local.kill();
    throw error;
  }
  await rm(dir, { recursive: true, force: true });
}

function localEnv(
  dir: string,
  transportEnv: NodeJS.ProcessEnv,
  flow: Flow,
): NodeJS.ProcessEnv {
  return {
    HOME: process.env.HOME,
    ...transportEnv,
    HOSTWATCH_DATA_DIR: dir,
    SCORER_WARMUP: flow.warmup,
    SCORER_MIN_FIT_SAMPLES: '20',
    ALERT_DESKTOP: 'off',
    COLLECTOR_METRICS_PORT: '0',
    SCORER_METRICS_PORT: '0',
    ALERTER_METRICS_PORT: '0',
    LOGGER_METRICS_PORT: '0',
  };
}

/**
 * A CPU stress cannot show on a host whose CPU other work already holds
 * near 100 % (a shared development machine): the reason to skip the CPU
 * check, said in the output, or false on a quiet host such as CI.
 */
async function cpuAlreadyBusy(dir: string): Promise<string | false> {
  const rows = await readCsvRows(join(dir, 'performance_log.csv'));
  const cpu = rows.map((r) => r.cpuPercent).sort((a, b) => a - b);
  const median = cpu[Math.floor(cpu.length / 2)];
  if (!(median > BUSY_CPU_PERCENT)) return false;
  return `cpu_percent median ${median} % during warm-up: other work holds this CPU`;
}

function isWarmUpOver(line: LogLine): boolean {
  return line.service === 'local' && line.model === 'online';
}

/**
 * Runs one stress; an anomaly alert naming a feature of the stressed
 * resource among its top three must arrive within ALERT_WITHIN_MS of the start, and the
 * flags must clear within CLEAR_WITHIN_MS of the end.
 */
async function stressAndCheck(
  dir: string,
  { args, features }: Stress,
  flow: Flow,
): Promise<void> {
  const startedAt = Date.now();
  const stress = runLabStress(
    [...args, '--duration', `${flow.stressSeconds}s`],
    { ...process.env },
  );
  let alert: AlertLine;
  try {
    alert = await waitForAlert(dir, startedAt, features);
    await stress.done;
  } finally {
    stress.kill();
  }
  const endedAt = Date.now();
  const delay = Date.parse(alert.alerted_at) - startedAt;
  process.stdout.write(`# stress ${args.join(' ')}: alert after ${delay} ms\n`);
  const cleared = await waitForClear(dir, endedAt);
  process.stdout.write(`# flags clear ${cleared - endedAt} ms after its end\n`);
}

async function waitForAlert(
  dir: string,
  since: number,
  features: readonly string[],
): Promise<AlertLine> {
  const deadline = since + ALERT_WITHIN_MS;
  for (;;) {
    const alerts = await readAlerts(join(dir, 'alerts.jsonl'));
    const found = alerts.find((a) => isStressAlert(a, since, features));
    if (found !== undefined) return found;
    if (Date.now() > deadline) {
      assert.fail(
        `no anomaly alert naming one of ${features.join(', ')} ` +
          `within ${ALERT_WITHIN_MS} ms; alerts since: ` +
          JSON.stringify(alerts.filter((a) => a.event.timestamp >= since)),
      );
    }
    await sleep(250);
  }
}

function isStressAlert(
  alert: AlertLine,
  since: number,
  features: readonly string[],
): boolean {
  if (alert.kind !== 'anomaly' || alert.event.timestamp < since) return false;
  const top = (alert.event.explanation ?? []).slice(0, 3);
  return top.some((d) => features.includes(d.feature));
}

/** The time of the first of CLEAR_ROWS unflagged rows after `since`. */
async function waitForClear(dir: string, since: number): Promise<number> {
  const deadline = since + CLEAR_WITHIN_MS;
  for (;;) {
    const rows = await readCsvRows(join(dir, 'performance_log.csv'));
    const after = rows.filter((r) => r.timestamp >= since);
    const run = firstQuietRun(after.map((r) => r.flagged));
    if (run >= 0) return after[run].timestamp;
    if (Date.now() > deadline) {
      assert.fail(
        `flags did not clear within ${CLEAR_WITHIN_MS} ms of the stress end: ` +
          JSON.stringify(after.map((r) => r.flagged)),
      );
    }
    await sleep(500);
  }
}

function firstQuietRun(flags: readonly boolean[]): number {
  let quiet = 0;
  for (let i = 0; i < flags.length; i++) {
    quiet = flags[i] ? 0 : quiet + 1;
    if (quiet === CLEAR_ROWS) return i - CLEAR_ROWS + 1;
  }
  return -1;
}

/** Every sample has its row (sequence without gaps); the summary exists. */
async function checkFiles(dir: string): Promise<void> {
  const rows = await readCsvRows(join(dir, 'performance_log.csv'));
  assert.ok(rows.length > 0, 'the CSV has rows');
  assert.equal(rows[0].status, 'warming_up', 'the CSV starts at warm-up');
  const seqs = rows.map((r) => r.seq).sort((a, b) => a - b);
  for (let i = 1; i < seqs.length; i++) {
    assert.equal(seqs[i], seqs[i - 1] + 1, `row after seq ${seqs[i - 1]}`);
  }
  await access(join(dir, 'performance_log.summary.json'));
}
