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
 * does not share the scorer's event loop: publishes `rate` samples/s over
 * `hosts` hosts, each stamped when published, and times every result's
 * arrival on `scores.>`. Posts back `{ p50, p99, received }`.
 */
export interface FeederJob {
  readonly url: string;
  readonly hosts: number;
  readonly rate: number;
  readonly count: number;
}

const TICK_MS = 10;
const TIMESTAMP = /"timestamp":(\d+)/;
const decoder = new TextDecoder();

async function run(job: FeederJob): Promise<void> {
  const bus = await connectNatsBus({ url: job.url, name: 'bench-fleet' });
  const latency = new LatencyLog();
  bus.connection.subscribe('scores.>', {
    callback: (_err, msg) => {
      const match = TIMESTAMP.exec(decoder.decode(msg.data));
      if (match !== null) latency.add(Date.now() - Number(match[1]));
    },
  });
  await bus.connection.flush();
  const replay = new FleetReplay(readFixture('labeled_test'), job.hosts);
  await paced(bus, replay, job);
  const deadline = Date.now() + 30_000;
  while (latency.size < job.count && Date.now() < deadline) await sleep(20);
  parentPort?.postMessage({
    p50: latency.quantile(0.5),
    p99: latency.quantile(0.99),
    received: latency.size,
  });
  await bus.drain();
}

async function paced(bus: Bus, replay: FleetReplay, job: FeederJob) {
  const start = performance.now();
  const pending: Promise<void>[] = [];
  let sent = 0;
  while (sent < job.count) {
    const elapsed = performance.now() - start;
    const due = Math.min(job.count, Math.floor((elapsed * job.rate) / 1000));
    for (; sent < due; sent++) {
      const sample = replay.next(sent % replay.hosts, Date.now());
      const id = sampleMessageId(sample.host, sample.seq);
      const subject = metricsSubject(sample.host);
      pending.push(bus.publish(subject, sample, { msgId: id }));
    }
    await sleep(TICK_MS);
  }
  await Promise.all(pending);
}

await run(workerData as FeederJob);
