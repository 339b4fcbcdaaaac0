import {
  InProcessBus,
  MemoryModelStore,
  connectNatsBus,
  metricsSubject,
  sampleMessageId,
} from '@hostwatch/transport';
import type { Bus, ModelStore } from '@hostwatch/transport';
import { startNatsServer } from '@hostwatch/transport/testing';
import type { NatsServerHandle } from '@hostwatch/transport/testing';
import type { ModelSet } from '@hostwatch/detectors';
import { jetstreamManager } from '@nats-io/jetstream';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { DEFAULT_MAX_IN_FLIGHT, buildScorer } from '../src/index.js';
import type { Scorer } from '../src/index.js';
import { startEchoRelay } from './echo-relay.js';
import type { FleetReplay } from './fleet-replay.js';
import { LatencyLog } from './latency-stats.js';
import type { FeederAnswer, FeederJob } from './paced-feeder.js';

/** Results of one run: throughput and sample-to-result latency. */
export interface RunFigures {
  readonly samples: number;
  readonly seconds: number;
  readonly samplesPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The paced run's fuller latency picture, ms. */
  readonly tail?: {
    readonly p90Ms: number;
    readonly p999Ms: number;
    readonly maxMs: number;
    /** p99 of each host's first sample, which binds its model. */
    readonly warmupP99Ms: number;
  };
  /**
   * CPU time of this process per sample (process.cpuUsage, user + system):
   * whether a rate fits in one core, whatever else loads the machine.
   */
  readonly cpuMicrosPerSample: number;
}

/** The bench's own result tap; the scorer runs with its defaults. */
const TAP_MAX_IN_FLIGHT = 4096;
const SCORES_STREAM = 'SCORES';
const STREAM_POLL_MS = 50;
const PUBLISH_WINDOW = 512;
const decoder = new TextDecoder();
const TIMESTAMP = /"timestamp":(\d+)/;

async function startScorer(bus: Bus, model: ModelSet): Promise<Scorer> {
  const models: ModelStore = new MemoryModelStore();
  await models.put('fleet/default', model.toJSON());
  const scorer = buildScorer({
    bus,
    models,
    registry: new Registry(),
    log: pino({ level: 'silent' }),
  });
  await scorer.start();
  return scorer;
}

/** Publishes `count` samples round-robin over the fleet, in windows. */
async function publishBacklog(
  bus: Bus,
  replay: FleetReplay,
  count: number,
): Promise<void> {
  const window: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const h = i % replay.hosts;
    const sample = replay.next(h, Date.now());
    const id = sampleMessageId(sample.host, sample.seq);
    window.push(
      bus.publish(metricsSubject(sample.host), sample, { msgId: id }),
    );
    if (window.length >= PUBLISH_WINDOW) await Promise.all(window.splice(0));
  }
  await Promise.all(window);
}

/** Counts results and logs their latency as they arrive. */
class ResultTap {
  readonly latency = new LatencyLog();
  private waiting: { count: number; resolve: () => void } | null = null;

  see(data: Uint8Array): void {
    const match = TIMESTAMP.exec(decoder.decode(data));
    if (match !== null) this.latency.add(Date.now() - Number(match[1]));
    const waiting = this.waiting;
    if (waiting !== null && this.latency.size >= waiting.count) {
      this.waiting = null;
      waiting.resolve();
    }
  }

  until(count: number): Promise<void> {
    if (this.latency.size >= count) return Promise.resolve();
    return new Promise((resolve) => (this.waiting = { count, resolve }));
  }
}

/** When a run started, on the wall clock and on the process's CPU clock. */
interface RunStart {
  readonly wall: number;
  readonly cpu: NodeJS.CpuUsage;
}

const runStart = (): RunStart => ({
  wall: performance.now(),
  cpu: process.cpuUsage(),
});

function cpuMicrosSince(start: RunStart, samples: number): number {
  const used = process.cpuUsage(start.cpu);
  return (used.user + used.system) / samples;
}

/** Latency is left NaN: for a backlog it would measure the queue. */
function figures(samples: number, start: RunStart): RunFigures {
  const seconds = (performance.now() - start.wall) / 1000;
  return {
    samples,
    seconds,
    samplesPerSecond: samples / seconds,
    p50Ms: Number.NaN,
    p99Ms: Number.NaN,
    cpuMicrosPerSample: cpuMicrosSince(start, samples),
  };
}

/**
 * The in-process ceiling: the same scorer on the in-process bus, a
 * backlog of `count` samples published first, then drained.
 */
export async function inProcessRun(
  model: ModelSet,
  replay: FleetReplay,
  count: number,
): Promise<RunFigures> {
  const bus = new InProcessBus({ maxMessages: count * 3 });
  const tap = new ResultTap();
  await bus.consume({
    durable: 'bench-tap',
    subjects: ['scores.>'],
    handler: (m) => Promise.resolve(tap.see(m.data)),
    maxInFlight: TAP_MAX_IN_FLIGHT,
  });
  await publishBacklog(bus, replay, count);
  const start = runStart();
  const scorer = await startScorer(bus, model);
  await tap.until(count);
  const result = figures(count, start);
  await scorer.stop();
  await bus.drain();
  return result;
}

/** A NATS server with the pipeline's streams, and two connections. */
async function natsSetup() {
  const server: NatsServerHandle = await startNatsServer();
  const feeder = await connectNatsBus({ url: server.url, name: 'bench-feed' });
  const scorerBus = await connectNatsBus({ url: server.url, name: 'scorer' });
  await feeder.connection.flush();
  const close = async () => {
    await scorerBus.drain();
    await feeder.drain();
    await server.stop();
  };
  return { url: server.url, feeder, scorerBus, close };
}

/**
 * Sustained throughput over real NATS JetStream: a backlog of `count`
 * samples is stored first, then one scorer drains it; every result is
 * stored in the SCORES stream and acked before its sample is acked. The
 * end is read from the SCORES stream itself (a core subscriber in this
 * busy process could be cut off by the server as a slow consumer).
 */
export async function natsThroughputRun(
  model: ModelSet,
  replay: FleetReplay,
  count: number,
): Promise<RunFigures> {
  const nats = await natsSetup();
  try {
    await publishBacklog(nats.feeder, replay, count);
    const jsm = await jetstreamManager(nats.feeder.connection);
    const start = runStart();
    const scorer = await startScorer(nats.scorerBus, model);
    while ((await jsm.streams.info(SCORES_STREAM)).state.messages < count) {
      await sleep(STREAM_POLL_MS);
    }
    const result = figures(count, start);
    await scorer.stop();
    return result;
  } finally {
    await nats.close();
  }
}

/** What answers the paced feeder: the scorer with a model, or the echo. */
export type LatencyRelay = ModelSet | 'echo';

/**
 * Latency at a paced rate over NATS: a worker thread plays the fleet, one
 * warm-up sample per host, then `rate` samples/s spread over the hosts for
 * `seconds`, each stamped when published; latency is its result's arrival
 * at the worker minus that. Its CPU figure includes the worker's (the
 * fleet's publishes). With `'echo'` an echo relay answers instead of the
 * scorer: the floor of this machine and broker (see echo-relay.ts).
 */
export async function natsLatencyRun(
  relay: LatencyRelay,
  hosts: number,
  rate: number,
  seconds: number,
): Promise<RunFigures> {
  const nats = await natsSetup();
  try {
    const answering =
      relay === 'echo'
        ? await startEchoRelay(nats.scorerBus, DEFAULT_MAX_IN_FLIGHT)
        : await startScorer(nats.scorerBus, relay);
    const count = rate * seconds;
    const job: FeederJob = { url: nats.url, hosts, rate, count };
    const start = runStart();
    const answer = await runFeeder(job);
    const cpuMicrosPerSample = cpuMicrosSince(start, hosts + answer.received);
    await answering.stop();
    // Results per second of pacing: a shortfall means results were lost
    // or still queued 30 s after the last sample.
    return {
      samples: answer.received,
      seconds,
      samplesPerSecond: answer.received / seconds,
      p50Ms: answer.p50,
      p99Ms: answer.p99,
      tail: {
        p90Ms: answer.p90,
        p999Ms: answer.p999,
        maxMs: answer.max,
        warmupP99Ms: answer.warmupP99,
      },
      cpuMicrosPerSample,
    };
  } finally {
    await nats.close();
  }
}

function runFeeder(job: FeederJob): Promise<FeederAnswer> {
  const worker = new Worker(
    new URL('./paced-feeder-entry.mjs', import.meta.url),
    {
      workerData: job,
    },
  );
  return new Promise((resolve, reject) => {
    worker.once('message', (answer: FeederAnswer) => resolve(answer));
    worker.once('error', reject);
  });
}
