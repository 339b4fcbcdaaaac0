import { FEATURE_ORDER } from '@hostwatch/detectors';
import type { ModelSet } from '@hostwatch/detectors';
import { HostScorer } from '../src/host/host-scorer.js';
import { FLEET_MODEL_NAME, ModelCatalog } from '../src/models/model-catalog.js';
import { createOnlineFit } from '../src/online/online-fit.js';
import { parseScorerOptions } from '../src/options.js';
import { buildScoreResult } from '../src/results/build-score-result.js';
import type { FleetReplay } from './fleet-replay.js';

const QUIET = { onFitError: () => undefined, onModelBound: () => undefined };

function hostScorer(model: ModelSet | null): HostScorer {
  const options = parseScorerOptions({}, FEATURE_ORDER);
  const catalog = new ModelCatalog();
  if (model !== null) catalog.install(FLEET_MODEL_NAME, model);
  return new HostScorer(catalog, options, createOnlineFit(options), QUIET);
}

/**
 * The scoring ceiling without any transport: score, build the result
 * message and encode it as JSON, `count` samples round-robin.
 */
export function rawScoringRate(
  model: ModelSet,
  replay: FleetReplay,
  count: number,
): number {
  const scorer = hostScorer(model);
  const started = performance.now();
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sample = replay.next(i % replay.hosts, Date.now());
    const result = buildScoreResult(scorer.score(sample), Date.now());
    bytes += JSON.stringify(result).length;
  }
  const seconds = (performance.now() - started) / 1000;
  return bytes > 0 ? count / seconds : 0;
}

export interface OnlineMemory {
  readonly bytesPerHost: number;
  readonly fitMs: number;
}

function heapBytes(): number {
  globalThis.gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * Memory per host in online mode: `hosts` hosts each replay one warm-up
 * window (the default 600 samples at 1 Hz) and fit their own model; the
 * heap grown, over the hosts, is what a host costs.
 */
export function onlineMemory(replay: FleetReplay): OnlineMemory {
  const scorer = hostScorer(null);
  const options = parseScorerOptions({}, FEATURE_ORDER);
  const before = heapBytes();
  const started = performance.now();
  const t0 = Date.now() - options.windowSize * 1000;
  for (let h = 0; h < replay.hosts; h++) {
    for (let i = 0; i <= options.windowSize; i++) {
      scorer.score(replay.next(h, t0 + i * 1000));
    }
  }
  const fitMs = (performance.now() - started) / replay.hosts;
  const modes = scorer.modes();
  if (modes.online !== replay.hosts) {
    throw new Error(`${modes.online} of ${replay.hosts} hosts fitted online`);
  }
  return { bytesPerHost: (heapBytes() - before) / replay.hosts, fitMs };
}
