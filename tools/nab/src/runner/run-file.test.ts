import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { availableDetectors } from '@hostwatch/detectors';
import type { CorpusFile } from '../corpus/load-corpus.js';
import { parseTimeSeries } from '../corpus/time-series.js';
import { parseNabRunOptions } from './nab-run-options.js';
import { writeResultsFile } from './results-writer.js';
import { ENSEMBLE, runFile } from './run-file.js';

const ROWS = 1000;
const CUT = 700;
const STEP_MS = 5 * 60 * 1000;

function syntheticFile(tail: (i: number) => number): CorpusFile {
  const lines = ['timestamp,value'];
  for (let i = 0; i < ROWS; i++) {
    const stamp = new Date(Date.UTC(2014, 0, 1) + i * STEP_MS);
    const text = stamp.toISOString().replace('T', ' ').slice(0, 19);
    const base = 10 + Math.sin(i / 20) + 0.1 * Math.cos(i * 7.3);
    lines.push(`${text},${i < CUT ? base : tail(i)}`);
  }
  const series = parseTimeSeries('toy/a.csv', lines.join('\n'), ['value']);
  const windows = [{ start: 800, end: 850 }];
  return { key: 'toy/a.csv', category: 'toy', stem: 'a', series, windows };
}

const options = parseNabRunOptions(
  {
    detectors: ['pca_reconstruction'],
    refitEvery: 50,
    trainRows: 300,
    history: 200,
    quietRows: 20,
    detectionLevel: 0.3,
  },
  availableDetectors(),
);

/** Two members joined by max, with range breaks and the empirical tail. */
const joined = parseNabRunOptions(
  {
    ...options,
    detectors: ['pca_reconstruction', 'local_outlier_factor'],
    ensemble: undefined,
    ensembleRule: 'max',
    rangeTolerance: 0.05,
    empirical: true,
  },
  availableDetectors(),
);

describe('runFile', () => {
  it('scores each row from the past only: the future changes nothing', () => {
    for (const opts of [options, joined]) {
      const calm = runFile(
        syntheticFile((i) => 10 + Math.sin(i / 20)),
        opts,
      );
      const wild = runFile(
        syntheticFile((i) => 50 + (i % 7)),
        opts,
      );
      for (const name of [ENSEMBLE, ...opts.detectors]) {
        const a = calm.get(name)!.subarray(0, CUT);
        const b = wild.get(name)!.subarray(0, CUT);
        assert.deepEqual(a, b, name);
        assert.notDeepEqual(calm.get(name), wild.get(name), name);
      }
    }
  });

  it('scores a break out of the past range as 1 in the ensemble', () => {
    const scores = runFile(
      syntheticFile((i) => (i === 900 ? 40 : 10 + Math.sin(i / 20))),
      joined,
    );
    assert.equal(scores.get(ENSEMBLE)![900], 1);
  });

  it('gives every row a score in [0, 1], the probation 0', () => {
    const scores = runFile(
      syntheticFile((i) => 40 + (i % 3)),
      options,
    );
    for (const values of scores.values()) {
      assert.ok(values.every((s) => s >= 0 && s <= 1));
      assert.ok(values.subarray(0, 150).every((s) => s === 0));
      assert.ok(values.some((s) => s > 0));
    }
  });

  it('writes the benchmark layout with window labels', async () => {
    const out = await mkdtemp(join(tmpdir(), 'nab-results-'));
    try {
      const file = syntheticFile((i) => 10 + Math.sin(i / 20));
      const scores = runFile(file, options).get(ENSEMBLE)!;
      const path = await writeResultsFile(out, ENSEMBLE, file, scores);
      assert.equal(path, join(out, 'ensemble', 'toy', 'ensemble_a.csv'));
      const lines = (await readFile(path, 'utf8')).trim().split('\n');
      assert.equal(lines[0], 'timestamp,value,anomaly_score,label');
      assert.equal(lines.length, ROWS + 1);
      assert.ok(lines[801].endsWith(',1') && lines[800].endsWith(',0'));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
