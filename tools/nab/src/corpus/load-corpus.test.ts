import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NabError } from '../errors.js';
import { SHARED_NAB_ROOT } from '../test-support/shared-corpus.js';
import { loadCorpus } from './load-corpus.js';

const GOOD = 'timestamp,value\n2014-01-01 00:00:00,1\n2014-01-01 00:05:00,2\n';
const WINDOWS = {
  'cat/a.csv': [['2014-01-01 00:05:00', '2014-01-01 00:05:00']],
};

async function corpusWith(
  dir: string,
  csv: string,
  windows: unknown = WINDOWS,
  windowsPath = 'combined_windows.json',
): Promise<string> {
  await mkdir(join(dir, 'data', 'cat'), { recursive: true });
  await mkdir(join(dir, 'labels'), { recursive: true });
  await writeFile(join(dir, 'data', 'cat', 'a.csv'), csv);
  await writeFile(join(dir, windowsPath), JSON.stringify(windows));
  return dir;
}

function rejectsWith(code: string, file: string) {
  return (err: unknown) => {
    assert.ok(err instanceof NabError);
    assert.equal(err.code, code);
    assert.ok(err.file.endsWith(file), err.file);
    assert.ok(err.message.includes(file));
    return true;
  };
}

describe('loadCorpus', () => {
  let root = '';
  let n = 0;
  const fresh = () => join(root, String(n++));
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'nab-corpus-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('loads the shared subset: 18 files, 25 windows', async () => {
    const files = await loadCorpus(SHARED_NAB_ROOT);
    const windows = files.reduce((k, f) => k + f.windows.length, 0);
    assert.equal(files.length, 18);
    assert.equal(windows, 25);
  });

  it('finds the windows under labels/ as the benchmark keeps them', async () => {
    const dir = await corpusWith(
      fresh(),
      GOOD,
      WINDOWS,
      join('labels', 'combined_windows.json'),
    );
    const [file] = await loadCorpus(dir);
    assert.deepEqual(file.windows, [{ start: 1, end: 1 }]);
    assert.equal(file.stem, 'a');
  });

  it('names the file that lacks the value column', async () => {
    const dir = await corpusWith(
      fresh(),
      'timestamp,v\n2014-01-01 00:00:00,1\n',
    );
    await assert.rejects(
      loadCorpus(dir),
      rejectsWith('MISSING_COLUMNS', 'a.csv'),
    );
  });

  it('names the file whose timestamps go back', async () => {
    const csv =
      'timestamp,value\n2014-01-02 00:00:00,1\n2014-01-01 00:00:00,2\n';
    const dir = await corpusWith(fresh(), csv);
    await assert.rejects(
      loadCorpus(dir),
      rejectsWith('UNSORTED_TIMESTAMPS', 'a.csv'),
    );
  });

  it('names the file whose window names an unknown timestamp', async () => {
    const windows = {
      'cat/a.csv': [['2014-01-01 00:00:00', '2014-01-01 00:07:00']],
    };
    const dir = await corpusWith(fresh(), GOOD, windows);
    await assert.rejects(
      loadCorpus(dir),
      rejectsWith('UNKNOWN_WINDOW_TIMESTAMP', 'a.csv'),
    );
  });

  it('names the file that holds a non-numeric value', async () => {
    const dir = await corpusWith(fresh(), GOOD + '2014-01-01 00:10:00,x\n');
    await assert.rejects(loadCorpus(dir), rejectsWith('BAD_VALUE', 'a.csv'));
  });

  it('says where the windows file was looked for', async () => {
    const dir = fresh();
    await mkdir(join(dir, 'data'), { recursive: true });
    await assert.rejects(loadCorpus(dir), rejectsWith('MISSING_FILE', dir));
  });
});
