import { trainModelSet } from '@hostwatch/detectors';
import type { ModelSet } from '@hostwatch/detectors';
import { readFixture } from '../src/test-support/fixtures.js';
import { benchUsage, readBenchArgs } from './bench-args.js';
import type { BenchArgs } from './bench-args.js';
import { FleetReplay } from './fleet-replay.js';
import { onlineMemory, rawScoringRate } from './host-runs.js';
import type { RunFigures } from './scorer-runs.js';
import {
  inProcessRun,
  natsLatencyRun,
  natsThroughputRun,
} from './scorer-runs.js';

const USAGE = `Drives replayed hosts through one scorer: sustained samples/s over the
in-process bus and over a real nats-server, paced sample-to-result
latency (and the same with an echo relay in the scorer's place), and
memory per host while learning online.`;

/**
 * `npm run bench:scorer [-- --json --hosts 1000 ...]`: drives replayed
 * hosts through one scorer and prints sustained samples/s and p50/p99
 * sample-to-result latency, over the in-process bus (the ceiling) and
 * over a real nats-server on a free port (the honest figure), the paced
 * latency again with an echo relay in the scorer's place (the floor this
 * machine and broker set), plus memory per host in online mode. With
 * --json the last line is the NATS figures:
 * {"samples_per_s", "p50_ms", "p99_ms", "bytes_per_host"}.
 */
async function main(): Promise<void> {
  const args = readBenchArgs(process.argv.slice(2));
  if (args === null) {
    console.log(benchUsage('npm run bench:scorer', USAGE));
    return;
  }
  // First, on a clean heap: later runs leave garbage that would blur it.
  const memory = onlineMemory(
    new FleetReplay(readFixture('normal_training'), args.onlineHosts),
  );
  const model = fleetModel(args);
  const total = args.hosts * args.samplesPerHost;
  const fixture = readFixture('labeled_test');
  const replay = () => new FleetReplay(fixture, args.hosts);

  say(
    `online mode: ${(memory.bytesPerHost / 1024).toFixed(1)} KiB per host ` +
      `(${args.onlineHosts} hosts, ${memory.fitMs.toFixed(1)} ms warm-up + fit each)`,
  );
  say(`fleet model: ${model.members.join(', ')}`);
  say(
    `raw scoring (no transport): ${rate(rawScoringRate(model, replay(), total))}`,
  );
  // The same backlog as over NATS: the first sample of each host binds its
  // model and metric series, so a short run (5,000 samples over 1,000
  // hosts) mostly measures that warm-up, not the bus.
  report('in-process bus, backlog', await inProcessRun(model, replay(), total));
  // Each run starts on a collected heap: the in-process bus keeps its whole
  // backlog until drained, and collecting that inside the next run would
  // bill it for the previous one's garbage.
  collectGarbage();
  const nats = await natsThroughputRun(model, replay(), total);
  report('NATS JetStream, backlog', nats);
  collectGarbage();
  const paced = await natsLatencyRun(
    model,
    args.hosts,
    args.rate,
    args.latencySeconds,
  );
  report(`NATS JetStream, paced at ${args.rate}/s`, paced);
  collectGarbage();
  // The same run with an echo in the scorer's place: the latency this
  // machine and broker add whatever the scorer does.
  const echo = await natsLatencyRun(
    'echo',
    args.hosts,
    args.rate,
    args.latencySeconds,
  );
  report(`NATS JetStream, paced at ${args.rate}/s, echo (no scoring)`, echo);
  if (args.json) {
    console.log(
      JSON.stringify({
        samples_per_s: Math.round(nats.samplesPerSecond),
        p50_ms: round(paced.p50Ms),
        p99_ms: round(paced.p99Ms),
        bytes_per_host: Math.round(memory.bytesPerHost),
      }),
    );
  }
}

function fleetModel(args: BenchArgs): ModelSet {
  return trainModelSet({
    normal: readFixture('normal_training'),
    labeled: readFixture('labeled_training'),
    detectors: args.detectors,
  });
}

function report(label: string, run: RunFigures): void {
  const latency = Number.isNaN(run.p50Ms)
    ? ''
    : `, sample-to-result p50 ${run.p50Ms.toFixed(2)} ms, ` +
      `p99 ${run.p99Ms.toFixed(2)} ms`;
  const cpu = `${run.cpuMicrosPerSample.toFixed(0)} CPU µs/sample`;
  say(
    `${label}: ${rate(run.samplesPerSecond)} over ${run.samples} samples, ` +
      `${cpu}${latency}`,
  );
  if (run.tail !== undefined) {
    const { p90Ms, p999Ms, maxMs, warmupP99Ms } = run.tail;
    say(
      `  p90 ${p90Ms.toFixed(2)} ms, p99.9 ${p999Ms.toFixed(2)} ms, ` +
        `max ${maxMs.toFixed(2)} ms; each host's first sample ` +
        `(warm-up, not in the figures): p99 ${warmupP99Ms.toFixed(2)} ms`,
    );
  }
}

/** A full collection; the bench scripts run node with --expose-gc. */
function collectGarbage(): void {
  globalThis.gc?.();
}

const rate = (perSecond: number) => `${Math.round(perSecond)} samples/s`;
const round = (ms: number) => Math.round(ms * 100) / 100;
const say = (line: string) => console.log(line);

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
