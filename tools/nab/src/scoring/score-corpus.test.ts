import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { listDataFiles, loadWindows } from '../corpus/load-corpus.js';
import { loadResults } from '../corpus/results-files.js';
import { SHARED_NAB_ROOT } from '../test-support/shared-corpus.js';
import { PROFILES } from './profiles.js';
import { rowWeights } from './row-weights.js';
import { scoreCorpus } from './score-corpus.js';
import { NO_DETECTION_THRESHOLD } from './threshold-sweep.js';

/** The README prints scores to two decimals. */
const PRINTED = 0.005;

const PUBLISHED: Record<string, readonly number[]> = {
  numenta: [61.3, 54.31, 66.2],
  randomCutForest: [47.06, 34.71, 56.7],
};

async function scorePublished(detector: string): Promise<number[]> {
  const windows = await loadWindows(SHARED_NAB_ROOT);
  const keys = await listDataFiles(SHARED_NAB_ROOT);
  const results = join(SHARED_NAB_ROOT, 'results');
  const files = await loadResults(results, detector, keys, windows);
  return scoreCorpus(files).map((s) => s.normalised);
}

describe('scoreCorpus on the published rows of the subset', () => {
  for (const [detector, expected] of Object.entries(PUBLISHED)) {
    it(`reproduces the README's three profile scores of ${detector}`, async () => {
      const scores = await scorePublished(detector);
      scores.forEach((score, i) => {
        const gap = Math.abs(score - expected[i]);
        assert.ok(gap < PRINTED, `${PROFILES[i].name}: ${score}`);
      });
    });
  }
});

describe('scoreCorpus on a hand-made file', () => {
  const windows = [{ start: 20, end: 29 }];
  const base = { name: 'toy.csv', windows };

  it('scores the never-firing detector 0 and a first-row catch 100', () => {
    const silent = scoreCorpus([{ ...base, scores: new Float64Array(40) }]);
    const early = new Float64Array(40);
    early[20] = 1;
    const perfect = scoreCorpus([{ ...base, scores: early }]);
    assert.equal(silent[0].normalised, 0);
    assert.equal(silent[0].threshold, NO_DETECTION_THRESHOLD);
    perfect.forEach((s) => assert.ok(Math.abs(s.normalised - 100) < 1e-9));
  });

  it('counts only the earliest detection of a window', () => {
    const twice = new Float64Array(40);
    twice[25] = 1;
    twice[26] = 1;
    const once = new Float64Array(40);
    once[25] = 1;
    const [a] = scoreCorpus([{ ...base, scores: twice }]);
    const [b] = scoreCorpus([{ ...base, scores: once }]);
    assert.equal(a.raw, b.raw);
    assert.ok(a.raw > 0 && a.raw < 1);
  });

  it('ignores detections in the probationary rows', () => {
    const scores = new Float64Array(40);
    scores[3] = 1;
    const windows = [{ start: 2, end: 5 }];
    const [s] = scoreCorpus([{ ...base, windows, scores }]);
    assert.equal(s.raw, -1);
    assert.equal(s.tp, 0);
  });
});

describe('rowWeights', () => {
  const { window, unit } = rowWeights(40, [{ start: 20, end: 29 }]);

  it('gives the first row of a window the full TP weight', () => {
    assert.equal(window[20], 0);
    assert.ok(Math.abs(unit[20] - 1) < 1e-12);
    assert.ok(unit[29] > 0 && unit[29] < unit[20]);
  });

  it('charges a full FP before any window, less just after one', () => {
    assert.equal(window[10], -1);
    assert.equal(unit[10], -1);
    assert.ok(unit[30] > unit[39] && unit[39] < 0 && unit[30] < 0);
  });
});
