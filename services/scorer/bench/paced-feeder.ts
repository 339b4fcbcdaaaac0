import { parentPort, workerData } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  connectNatsBus,
  metricsSubject,
  sampleMessageId,
} from '@hostwatch/transport';
import type { Bus } from '@hostwatch/transport';
import { readFixture } from '../src/test-support/fixtures.js';
import { FleetReplay } from './fleet-replay.js';
import { LatencyLog } from './latency-stats.js';

/**
 * The fleet side of the paced latency run, in a worker thread so that it
 * does not share the scorer's event loop. It first sends one sample per
 * host (the warm-up: each host's first sample binds its model and metric
 * series, a one-time cost), then `count` more, `rate` samples/s spread
 * over the hosts, each stamped when published to a fraction of a ms, and
 * times every result's arrival on `scores.>` against that stamp on the
 * same clock. Posts back a `FeederAnswer`.
 */
export interface FeederJob {
  readonly url: string;
  readonly hosts: number;
  readonly rate: number;
  /** Samples measured after the warm-up. */
  readonly count: number;
}

/** Latency quantiles of the measured samples, ms, and of the warm-up. */
export interface FeederAnswer {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
  readonly warmupP99: number;
  /** Measured results received (of `count`). */
  readonly received: number;
}

/**
 * Publishing checks the clock every 1 ms, so samples leave one or two at
 * a time as a fleet's would, not in bursts that queue behind each other.
 */
const TICK_MS = 1;
const TIMESTAMP = /"timestamp":([\d.]+)/;
const FIRST_SEQ = /"seq":1,/;
const decoder = new TextDecoder();

/** Wall-clock ms since the epoch, to a fraction of a ms. */
function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

async function run(job: FeederJob): Promise<void> {
  const bus = await connectNatsBus({ url: job.url, name: 'bench-fleet' });
  const latency = new LatencyLog();
  const warmup = new LatencyLog();
  bus.connection.subscribe('scores.>', {
    callback: (_err, msg) => {
      const text = decoder.decode(msg.data);
      const stamp = TIMESTAMP.exec(text);
      if (stamp === null) return;
      const log = FIRST_SEQ.test(text) ? warmup : latency;
      log.add(preciseNow() - Number(stamp[1]));
    },
  });
  await bus.connection.flush();
  const replay = new FleetReplay(readFixture('labeled_test'), job.hosts);
  await paced(bus, replay, job);
  const deadline = Date.now() + 30_000;
  while (latency.size < job.count && Date.now() < deadline) await sleep(20);
  const answer: FeederAnswer = {
    p50: latency.quantile(0.5),
    p90: latency.quantile(0.9),
    p99: latency.quantile(0.99),
    p999: latency.quantile(0.999),
    max: latency.quantile(1),
    warmupP99: warmup.quantile(0.99),
    received: latency.size,
  };
  parentPort?.postMessage(answer);
  await bus.drain();
}

async function paced(bus: Bus, replay: FleetReplay, job: FeederJob) {
  const start = performance.now();
  const pending: Promise<void>[] = [];
  const total = job.hosts + job.count;
  let sent = 0;
  while (sent < total) {
    const elapsed = performance.now() - start;
    const due = Math.min(total, Math.floor((elapsed * job.rate) / 1000));
    for (; sent < due; sent++) {
      const sample = replay.next(sent % replay.hosts, preciseNow());
      const id = sampleMessageId(sample.host, sample.seq);
      const subject = metricsSubject(sample.host);
      pending.push(bus.publish(subject, sample, { msgId: id }));
    }
    await sleep(TICK_MS);
  }
  await Promise.all(pending);
}

await run(workerData as FeederJob);
