import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { readTailLines } from './tail-lines.js';

let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'transport-tail-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a tail that covers the file returns every line', async () => {
  const path = join(dir, 'out.txt');
  await writeFile(path, 'one\ntwo\n');
  assert.deepEqual(await readTailLines(path, 1024), ['one', 'two', '']);
});

test('a tail that starts mid-line drops the cut line', async () => {
  const path = join(dir, 'out.txt');
  await writeFile(path, 'first\nsecond\nthird\n');
  const lines = await readTailLines(path, 'cond\nthird\n'.length);
  assert.deepEqual(lines, ['third', '']);
});

test('a missing file has no lines', async () => {
  assert.deepEqual(await readTailLines(join(dir, 'none.txt'), 1024), []);
});
