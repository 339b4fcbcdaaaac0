import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { dropPartialLine, readLastWritten } from './last-written.js';

let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logger-tail-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the last sequence per host is read back from several files', async () => {
  const older = join(dir, 'old.csv');
  const newer = join(dir, 'new.csv');
  await writeFile(older, 'timestamp,host,seq\nt,a,5\nt,b,9\n');
  await writeFile(newer, 'timestamp,host,seq\nt,a,6\nt,a,7\n');
  const last = await readLastWritten([older, newer, join(dir, 'none.csv')]);
  assert.deepEqual([...last].sort(), [
    ['a', 7],
    ['b', 9],
  ]);
});

test('a tail that starts mid-line skips the broken line', async () => {
  const path = join(dir, 'log.csv');
  await writeFile(path, 'timestamp,host,seq\nt,a,1234\nt,b,1,12\n');
  const last = await readLastWritten([path], ',a,1234\nt,b,1,12\n'.length);
  assert.deepEqual([...last], [['b', 1]]);
});

test('a half-written last line is cut off', async () => {
  const path = join(dir, 'log.csv');
  await writeFile(path, 'timestamp,host,seq\nt,a,1\nt,a,2,par');
  await dropPartialLine(path);
  assert.equal(await readFile(path, 'utf8'), 'timestamp,host,seq\nt,a,1\n');
  await dropPartialLine(path);
  assert.equal(await readFile(path, 'utf8'), 'timestamp,host,seq\nt,a,1\n');
});
