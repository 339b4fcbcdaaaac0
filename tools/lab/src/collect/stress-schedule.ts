import { availableParallelism, totalmem } from 'node:os';

import { runStress } from '../stress/run-stress.js';
import type { StressOptions } from '../stress/stress-options.js';

/** Normal time kept after the last episode, so its end is recorded. */
const END_MARGIN_MS = 5000;

/** One planned stress episode, relative to the start of recording. */
export interface Episode {
  readonly startMs: number;
  readonly load: StressOptions;
  readonly kind: string;
}

export interface ScheduleOptions {
  readonly durationMs: number;
  /** Normal time before the first episode and between episodes. */
  readonly gapMs: number;
  readonly episodeMs: number;
}

/**
 * The built-in rotation of anomalies that `collect-labeled --inject` runs:
 * all cores pegged, a quarter of memory held, cores plus disk writes, and
 * a process storm with half-loaded cores. Episodes start after a normal
 * lead-in and end before the recording does.
 */
export function planEpisodes(options: ScheduleOptions): Episode[] {
  const kinds = episodeKinds(options.episodeMs);
  const episodes: Episode[] = [];
  let start = options.gapMs;
  while (start + options.episodeMs + END_MARGIN_MS <= options.durationMs) {
    const { kind, load } = kinds[episodes.length % kinds.length];
    episodes.push({ startMs: start, kind, load });
    start += options.episodeMs + options.gapMs;
  }
  return episodes;
}

function episodeKinds(durationMs: number) {
  const cores = availableParallelism();
  const quarterOfMemory = Math.floor(totalmem() / 4 / 1024 / 1024);
  return [
    { kind: 'cpu', load: { durationMs, cpu: { workers: cores, duty: 1 } } },
    { kind: 'memory', load: { durationMs, memoryMiB: quarterOfMemory } },
    {
      kind: 'cpu+disk',
      load: {
        durationMs,
        cpu: { workers: cores, duty: 1 },
        diskMiBPerSecond: 32,
      },
    },
    {
      kind: 'processes',
      load: {
        durationMs,
        cpu: { workers: cores, duty: 0.5 },
        processesPerSecond: 50,
      },
    },
  ] satisfies { kind: string; load: StressOptions }[];
}

/**
 * Runs the episodes on time and answers, for any moment, whether one is
 * under way: that is the label of a row sampled then.
 */
export class StressSchedule {
  private active = 0;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running: Promise<unknown>[] = [];

  constructor(
    private readonly episodes: readonly Episode[],
    private readonly signal: AbortSignal,
    private readonly onEpisode?: (
      episode: Episode,
      phase: 'start' | 'end',
    ) => void,
  ) {}

  start(): void {
    for (const episode of this.episodes) {
      this.timers.push(setTimeout(() => this.run(episode), episode.startMs));
    }
  }

  labelNow(): 0 | 1 {
    return this.active > 0 ? 1 : 0;
  }

  /** Cancels what has not started and waits for what has to clean up. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.allSettled(this.running);
  }

  private run(episode: Episode): void {
    if (this.signal.aborted) return;
    this.active++;
    this.onEpisode?.(episode, 'start');
    const done = runStress(episode.load, this.signal).finally(() => {
      this.active--;
      this.onEpisode?.(episode, 'end');
    });
    this.running.push(done);
  }
}
