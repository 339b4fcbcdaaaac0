import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { dropPartialLine, readWritten } from './written-rows.js';

let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logger-tail-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('written rows are read back per host from several files', async () => {
  const older = join(dir, 'old.csv');
  const newer = join(dir, 'new.csv');
  await writeFile(older, 'timestamp,host,seq\nt,a,5\nt,b,9\n');
  await writeFile(newer, 'timestamp,host,seq\nt,a,7\nt,a,8\n');
  const written = await readWritten([older, newer, join(dir, 'none.csv')]);
  assert.deepEqual(
    [4, 5, 6, 7, 8, 9].map((seq) => written.has('a', seq)),
    [true, true, false, true, true, false],
  );
  assert.equal(written.has('b', 9), true);
  assert.equal(written.has('c', 1), false);
});

test('a tail that starts mid-line skips the broken line', async () => {
  const path = join(dir, 'log.csv');
  await writeFile(path, 'timestamp,host,seq\nt,a,1234\nt,b,1,12\n');
  const written = await readWritten([path], ',a,1234\nt,b,1,12\n'.length);
  assert.equal(written.has('a', 1234), false);
  assert.equal(written.has('b', 1), true);
});

test('a half-written last line is cut off', async () => {
  const path = join(dir, 'log.csv');
  await writeFile(path, 'timestamp,host,seq\nt,a,1\nt,a,2,par');
  await dropPartialLine(path);
  assert.equal(await readFile(path, 'utf8'), 'timestamp,host,seq\nt,a,1\n');
  await dropPartialLine(path);
  assert.equal(await readFile(path, 'utf8'), 'timestamp,host,seq\nt,a,1\n');
});
