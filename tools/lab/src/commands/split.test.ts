import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { parseDatasetCsv } from '@hostwatch/detectors';

import { splitCommand } from './split.js';

const io = {
  out: () => undefined,
  err: () => undefined,
  signal: new AbortController().signal,
};

const LABELLED = [
  'timestamp,cpu_percent,label',
  ...Array.from({ length: 10 }, (_, i) => `t${i},${i},${i >= 8 ? 1 : 0}`),
].join('\n');

describe('split', () => {
  it('keeps time order: training rows all precede test rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-split-'));
    await writeFile(join(dir, 'raw.csv'), LABELLED);
    const argv = ['--input', join(dir, 'raw.csv'), '--out-dir', dir];
    assert.equal(await splitCommand.run([...argv, '--ratio', '0.7'], io), 0);
    const read = async (name: string) =>
      parseDatasetCsv(await readFile(join(dir, name), 'utf8'));
    const training = await read('labeled_training.csv');
    const test = await read('labeled_test.csv');
    assert.deepEqual([...training.values], [0, 1, 2, 3, 4, 5, 6]);
    assert.deepEqual([...test.values], [7, 8, 9]);
    assert.deepEqual([...test.labels!], [0, 1, 1]);
    assert.deepEqual(test.timestamps, ['t7', 't8', 't9']);
  });

  it('refuses unlabelled input and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lab-split-'));
    await writeFile(join(dir, 'raw.csv'), 'cpu_percent\n1\n2\n3\n');
    await assert.rejects(
      splitCommand.run(['--input', join(dir, 'raw.csv'), '--out-dir', dir], io),
      (err: unknown) => (err as { code?: string }).code === 'CSV_FORMAT',
    );
    assert.deepEqual(await readdir(dir), ['raw.csv']);
  });
});
