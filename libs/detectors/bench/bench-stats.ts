/** Median and 99th percentile of a sample of durations. */
export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
}

export function percentiles(values: Float64Array): Percentiles {
  const sorted = Float64Array.from(values).sort();
  return { p50: at(sorted, 0.5), p99: at(sorted, 0.99) };
}

/** Nearest-rank percentile of sorted values. */
function at(sorted: Float64Array, p: number): number {
  const rank = Math.ceil(p * sorted.length) - 1;
  return sorted[Math.min(Math.max(rank, 0), sorted.length - 1)];
}

/**
 * Times `run(i)` for i = 0 .. `batches * batch - 1` in batches of `batch`
 * calls and returns each batch's time per call, in microseconds, less the
 * cost of the timing itself (two `hrtime.bigint()` reads and the loop,
 * measured on an empty `run`: about 40 ns per call in batches of 10), so
 * that sub-microsecond detectors are not billed for the clock.
 */
export function timePerCall(
  run: (i: number) => void,
  batches: number,
  batch: number,
): Float64Array {
  const overhead = medianOf(rawTimePerCall(() => {}, batches, batch));
  return rawTimePerCall(run, batches, batch).map((t) =>
    Math.max(0, t - overhead),
  );
}

function medianOf(values: Float64Array): number {
  return percentiles(values).p50;
}

function rawTimePerCall(
  run: (i: number) => void,
  batches: number,
  batch: number,
): Float64Array {
  const out = new Float64Array(batches);
  for (let b = 0; b < batches; b++) {
    const first = b * batch;
    const start = process.hrtime.bigint();
    for (let i = first; i < first + batch; i++) run(i);
    const ns = Number(process.hrtime.bigint() - start);
    out[b] = ns / batch / 1000;
  }
  return out;
}

/**
 * The least mean CPU time per call, in microseconds, over `repeats` runs
 * of `run(i)` for i = 0 .. `calls - 1`. CPU time does not count the time
 * the process waits while other processes run, which the wall-clock
 * percentiles do on a loaded machine, and the best run is the one least
 * disturbed by them (caches, shared cores).
 */
export function cpuTimePerCall(
  run: (i: number) => void,
  calls: number,
  repeats: number,
): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const start = process.cpuUsage();
    for (let i = 0; i < calls; i++) run(i);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / calls);
  }
  return best;
}
