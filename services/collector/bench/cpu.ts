/**
 * CPU cost of the live collector: the real HostSampler at 1 Hz for
 * `--seconds` (default 60), publishing to the in-process bus, or with
 * `--nats` to a nats-server started on a free port (whose own CPU is not
 * counted). Counts this process (`process.cpuUsage()`) plus the children it
 * spawned and reaped (cutime + cstime of /proc/self/stat: nvidia-smi, any
 * helper systeminformation runs). With `--json` the last line is
 * `{"cpu_percent_of_core": ..., "samples": ...}`.
 *
 * Usage: npm run bench:collector -- [--seconds 60] [--nats] [--json]
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

import {
  InProcessBus,
  connectNatsBus,
  type Bus,
  type BusStatus,
} from '@hostwatch/transport';
import { startNatsServer } from '@hostwatch/transport/testing';

import { buildCollector, type Collector } from '../src/collector.js';

/** USER_HZ: the unit of /proc/<pid>/stat times on Linux. */
const CLOCK_TICKS_PER_SECOND = 100;

interface CpuSnapshot {
  readonly atMs: number;
  /** This process, user + system, ms. */
  readonly selfMs: number;
  /** Reaped children, user + system, ms (0 where /proc is missing). */
  readonly childrenMs: number;
}

function snapshot(): CpuSnapshot {
  const { user, system } = process.cpuUsage();
  return {
    atMs: performance.now(),
    selfMs: (user + system) / 1000,
    childrenMs: childrenCpuMs(),
  };
}

/** Fields 16 and 17 of /proc/self/stat: cutime and cstime, in ticks. */
function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

async function openBus(useNats: boolean) {
  if (!useNats) {
    const bus: Bus & BusStatus = new InProcessBus();
    return { bus, close: () => bus.drain() };
  }
  const server = await startNatsServer();
  const bus = await connectNatsBus({
    url: server.url,
    name: 'collector-bench',
  });
  return {
    bus,
    close: async () => {
      await bus.drain();
      await server.stop();
    },
  };
}

async function sensorMeans(collector: Collector): Promise<string[]> {
  const { values } = await collector.metrics.sensorRead.get();
  const sums = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const v of values) {
    const sensor = String(v.labels.sensor);
    if (v.metricName?.endsWith('_sum')) sums.set(sensor, v.value);
    if (v.metricName?.endsWith('_count')) counts.set(sensor, v.value);
  }
  return [...sums].map(([sensor, sum]) => {
    const n = counts.get(sensor) ?? 0;
    const meanMs = n > 0 ? (sum * 1000) / n : 0;
    return `  ${sensor.padEnd(16)} ${meanMs.toFixed(3)} ms x ${n}`;
  });
}

const USAGE = `npm run bench:collector -- [--seconds 60] [--nats] [--json]

CPU use of the live collector sampling this host at 1 Hz, as a percentage
of one core (this process and the helpers it runs).

  --seconds N   how long to sample (60)
  --nats        publish to a nats-server on a free port, not in-process
  --json        end with {"cpu_percent_of_core", "samples"}
  --help        this text
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      nats: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const seconds = Number(values.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`--seconds "${values.seconds}" is invalid: expected > 0`);
  }

  const { bus, close } = await openBus(values.nats);
  const collector = buildCollector({ bus, host: 'bench', intervalMs: 1_000 });
  const beforeStart = snapshot();
  await collector.start();
  const started = snapshot();
  await sleep(seconds * 1000);
  const ended = snapshot();
  const samples = (await collector.metrics.samples.get()).values[0].value;
  await collector.stop();
  await close();

  const wallMs = ended.atMs - started.atMs;
  const selfMs = ended.selfMs - started.selfMs;
  const childrenMs = ended.childrenMs - started.childrenMs;
  const percent = ((selfMs + childrenMs) / wallMs) * 100;
  console.log(
    `collector on ${values.nats ? 'nats-server' : 'in-process bus'}, ` +
      `1 Hz, ${(wallMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `  start (sensor discovery): ${(started.selfMs - beforeStart.selfMs).toFixed(1)} ms CPU`,
  );
  console.log(`  samples: ${samples}`);
  console.log(
    `  CPU: ${selfMs.toFixed(1)} ms self + ${childrenMs.toFixed(1)} ms children`,
  );
  console.log(`  = ${percent.toFixed(3)} % of one core (target < 1 %)`);
  console.log(
    `  absent: ${collector.absent.map((a) => a.sensor).join(', ') || 'none'}`,
  );
  console.log('  mean sensor read time:');
  for (const line of await sensorMeans(collector)) console.log(line);
  if (values.json) {
    const result = { cpu_percent_of_core: Number(percent.toFixed(4)), samples };
    console.log(JSON.stringify(result));
  }
}

await main();
