import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ForestScorer } from './compiled-forest.js';
import { HotForestScorer } from './hot-forest-scorer.js';

/** A scorer that answers `value` and counts its calls. */
function constant(value: number): ForestScorer & { calls: number } {
  return {
    treeCount: 3,
    calls: 0,
    sum() {
      this.calls++;
      return value;
    },
  };
}

/** A clock the test moves by hand. */
function manualClock() {
  const clock = { ms: 0, now: () => clock.ms };
  return clock;
}

describe('HotForestScorer', () => {
  it('walks until hotCalls scores fall within the window, then runs the compiled code', () => {
    const clock = manualClock();
    const walk = constant(1);
    const compiled = constant(2);
    const hot = { hotCalls: 10, hotWindowMs: 100, now: clock.now };
    const scorer = new HotForestScorer(walk, () => compiled, hot);
    for (let i = 0; i < 9; i++) assert.equal(scorer.sum([0]), 1);
    assert.equal(scorer.compiled, false);
    clock.ms = 50;
    assert.equal(scorer.sum([0]), 2);
    assert.equal(scorer.compiled, true);
    assert.equal(scorer.treeCount, 3);
    assert.deepEqual([walk.calls, compiled.calls], [9, 1]);
  });

  it('never compiles a forest scored more slowly than that', () => {
    const clock = manualClock();
    let compiles = 0;
    const compile = () => {
      compiles++;
      return constant(2);
    };
    const hot = { hotCalls: 10, hotWindowMs: 100, now: clock.now };
    const scorer = new HotForestScorer(constant(1), compile, hot);
    for (let i = 0; i < 1000; i++) {
      clock.ms += 11; // 10 calls take 110 ms, past the 100 ms window
      assert.equal(scorer.sum([0]), 1);
    }
    assert.equal(compiles, 0);
  });

  it('keeps walking when the code cannot be generated, and tries once', () => {
    let compiles = 0;
    const compile = () => {
      compiles++;
      return null;
    };
    const hot = { hotCalls: 5, hotWindowMs: 1e9 };
    const scorer = new HotForestScorer(constant(1), compile, hot);
    for (let i = 0; i < 100; i++) assert.equal(scorer.sum([0]), 1);
    assert.equal(scorer.compiled, false);
    assert.equal(compiles, 1);
  });
});
