import type { ForestScorer } from './compiled-forest.js';

/** When a forest counts as hot: this many scores within the window. */
export interface HotForestOptions {
  readonly hotCalls: number;
  readonly hotWindowMs: number;
  /** A millisecond clock (default `performance.now`). */
  readonly now?: () => number;
}

/**
 * 20,000 scores within a minute: a fleet's shared model reaches it in
 * seconds, a per-host model scored at 1 Hz never does.
 */
export const DEFAULT_HOT_FOREST: HotForestOptions = {
  hotCalls: 20_000,
  hotWindowMs: 60_000,
};

/**
 * Walks a forest in lockstep until it is hot, then switches to its
 * compiled code. Compiled code wins only once V8 has optimised it: a
 * fresh compiled forest (XGBoost's 100 trees) ran 7-16 µs a score, and
 * allocated, for its first ~12,000 calls, then 0.55 µs, where the lockstep
 * walk is 1.4 µs from the first call. A model scored at 1 Hz would spend
 * hours in that slow start; a model scored thousands of times a second
 * pays it once (~0.1 s of CPU) and is faster ever after.
 *
 * The heat is checked once per `hotCalls` scores (one clock read); the
 * code is generated at most once, on the call that finds it hot, and the
 * sums are the same doubles either way (see compiled-forest.ts).
 */
export class HotForestScorer implements ForestScorer {
  readonly treeCount: number;
  private active: ForestScorer;
  private untilCheck: number;
  private windowStart: number;
  private readonly now: () => number;

  constructor(
    private readonly lockstep: ForestScorer,
    private readonly compile: () => ForestScorer | null,
    private readonly options: HotForestOptions = DEFAULT_HOT_FOREST,
  ) {
    this.treeCount = lockstep.treeCount;
    this.active = lockstep;
    this.now = options.now ?? (() => performance.now());
    this.untilCheck = options.hotCalls;
    this.windowStart = this.now();
  }

  /** Whether it has switched to compiled code. */
  get compiled(): boolean {
    return this.active !== this.lockstep;
  }

  sum(row: ArrayLike<number>): number {
    if (--this.untilCheck === 0) this.checkHeat();
    return this.active.sum(row);
  }

  /** Once hot, compiles (or keeps walking if it cannot) and stops checking. */
  private checkHeat(): void {
    const now = this.now();
    if (now - this.windowStart <= this.options.hotWindowMs) {
      this.active = this.compile() ?? this.lockstep;
      return;
    }
    this.windowStart = now;
    this.untilCheck = this.options.hotCalls;
  }
}
