import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { CsvFile } from './csv-file.js';

const HEADER = 'host,seq\n';
let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logger-csv-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the header is written once, at the top of a new file', async () => {
  const path = join(dir, 'sub', 'log.csv');
  const file = new CsvFile({ path, header: HEADER, maxBytes: 1e6 });
  await file.append('a,1\n');
  await new CsvFile({ path, header: HEADER, maxBytes: 1e6 }).append('a,2\n');
  assert.equal(await readFile(path, 'utf8'), 'host,seq\na,1\na,2\n');
});

test('a file that would outgrow maxBytes is rotated beside it', async () => {
  const path = join(dir, 'log.csv');
  const file = new CsvFile({ path, header: HEADER, maxBytes: 20 });
  await file.append('a,1\n');
  await file.append('a,2\n');
  await file.append('a,3\n');
  const rotated = await file.rotatedFiles();
  assert.equal(rotated.length, 1);
  assert.match(rotated[0], /log-\d{4}-\d\d-\d\dT[\d-]+\.\d+Z\.csv$/);
  assert.equal(await readFile(rotated[0], 'utf8'), 'host,seq\na,1\na,2\n');
  assert.equal(await readFile(path, 'utf8'), 'host,seq\na,3\n');
});

test('a new UTC day starts a new file', async () => {
  const path = join(dir, 'log.csv');
  let now = Date.parse('2026-12-03T23:59:59Z');
  const file = new CsvFile({
    path,
    header: HEADER,
    maxBytes: 1e6,
    now: () => now,
  });
  await file.append('a,1\n');
  now += 2_000;
  await file.append('a,2\n');
  assert.equal((await readdir(dir)).length, 2);
  assert.equal(await readFile(path, 'utf8'), 'host,seq\na,2\n');
});

test('an unwritable path fails the append and works once fixed', async () => {
  const blocker = join(dir, 'sub');
  await writeFile(blocker, 'not a directory');
  const file = new CsvFile({
    path: join(blocker, 'log.csv'),
    header: HEADER,
    maxBytes: 1e6,
  });
  await assert.rejects(file.append('a,1\n'), { code: 'EEXIST' });
  await rm(blocker);
  await file.append('a,1\n');
  assert.equal(await readFile(file.path, 'utf8'), 'host,seq\na,1\n');
});
