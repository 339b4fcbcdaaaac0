import { FEATURE_ORDER, trainModelSet } from '@hostwatch/detectors';
import type { ModelSet } from '@hostwatch/detectors';
import { parseMetricSample } from '@hostwatch/transport';
import type { MetricSample, ScoreResult } from '@hostwatch/transport';
import { Registry } from 'prom-client';
import { HostScorer } from '../src/host/host-scorer.js';
import { ResultRecorder } from '../src/metrics/result-recorder.js';
import { ScorerMetrics } from '../src/metrics/scorer-metrics.js';
import { FLEET_MODEL_NAME, ModelCatalog } from '../src/models/model-catalog.js';
import { createOnlineFit } from '../src/online/online-fit.js';
import { parseScorerOptions } from '../src/options.js';
import { buildScoreResult } from '../src/results/build-score-result.js';
import { readFixture } from '../src/test-support/fixtures.js';
import { benchUsage, readBenchArgs } from './bench-args.js';
import { FleetReplay } from './fleet-replay.js';
import { inProcessRun, natsThroughputRun } from './scorer-runs.js';

/**
 * `npm run bench:stages -w @hostwatch/scorer`: CPU µs per sample of each
 * stage of the scorer on its own (best of a few passes over the same
 * samples, round-robin over the fleet), then of the whole scorer over the
 * in-process bus and over NATS; the difference is the bus, the dispatch
 * and the garbage collection between the stages. CPU time, not wall time,
 * so that a busy machine blurs it less.
 */
const PASSES = 3;
const encoder = new TextEncoder();

function cpuMicrosPerCall(count: number, run: (i: number) => void): number {
  let best = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    const before = process.cpuUsage();
    for (let i = 0; i < count; i++) run(i);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / count);
  }
  return best;
}

function hostScorer(model: ModelSet): HostScorer {
  const options = parseScorerOptions({}, FEATURE_ORDER);
  const catalog = new ModelCatalog();
  catalog.install(FLEET_MODEL_NAME, model);
  const quiet = { onFitError: () => undefined, onModelBound: () => undefined };
  return new HostScorer(catalog, options, createOnlineFit(options), quiet);
}

function stageCosts(model: ModelSet, replay: FleetReplay, count: number) {
  const samples: MetricSample[] = [];
  for (let i = 0; i < count; i++) {
    samples.push(replay.next(i % replay.hosts, Date.now()));
  }
  const bytes = samples.map((s) => encoder.encode(JSON.stringify(s)));
  const scorer = hostScorer(model);
  const results: ScoreResult[] = samples.map((s) =>
    buildScoreResult(scorer.score(s), Date.now()),
  );
  const recorder = new ResultRecorder(new ScorerMetrics(new Registry()));
  const score = cpuMicrosPerCall(count, (i) => scorer.score(samples[i]));
  const scoreAndBuild = cpuMicrosPerCall(count, (i) =>
    buildScoreResult(scorer.score(samples[i]), Date.now()),
  );
  return {
    'decode + validate sample': cpuMicrosPerCall(count, (i) =>
      parseMetricSample(bytes[i]),
    ),
    'score (detectors, drift)': score,
    'build result message': scoreAndBuild - score,
    'JSON-encode result': cpuMicrosPerCall(count, (i) =>
      encoder.encode(JSON.stringify(results[i])),
    ),
    'record metrics': cpuMicrosPerCall(count, (i) =>
      recorder.record(results[i]),
    ),
    resultBytes: encoder.encode(JSON.stringify(results[0])).length,
  };
}

const USAGE = `CPU µs per sample of each stage of the scorer on its own, then of the
whole scorer over the in-process bus and over NATS (it reads --hosts,
--samples-per-host and --detectors).`;

async function main(): Promise<void> {
  const args = readBenchArgs(process.argv.slice(2));
  if (args === null) {
    console.log(benchUsage('npm run bench:stages -w @hostwatch/scorer', USAGE));
    return;
  }
  const model = trainModelSet({
    normal: readFixture('normal_training'),
    labeled: readFixture('labeled_training'),
    detectors: args.detectors,
  });
  const fixture = readFixture('labeled_test');
  const replay = () => new FleetReplay(fixture, args.hosts);
  const total = args.hosts * args.samplesPerHost;
  const { resultBytes, ...stages } = stageCosts(model, replay(), total);
  let sum = 0;
  for (const [stage, micros] of Object.entries(stages)) {
    sum += micros;
    say(`${stage.padEnd(28)} ${micros.toFixed(1).padStart(7)} CPU µs/sample`);
  }
  say(`${'stages together'.padEnd(28)} ${sum.toFixed(1).padStart(7)}`);
  say(`result message: ${resultBytes} bytes`);
  const inProcess = await inProcessRun(model, replay(), total);
  const nats = await natsThroughputRun(model, replay(), total);
  for (const [bus, run] of [
    ['in-process bus', inProcess],
    ['NATS JetStream', nats],
  ] as const) {
    const cpu = run.cpuMicrosPerSample;
    say(
      `${bus}: ${cpu.toFixed(1)} CPU µs/sample, of which ` +
        `${(cpu - sum).toFixed(1)} outside the stages ` +
        `(${Math.round(run.samplesPerSecond)} samples/s wall)`,
    );
  }
}

const say = (line: string) => console.log(line);

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
