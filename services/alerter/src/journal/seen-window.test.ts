import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeenWindow } from './seen-window.js';

test('a late lower sequence is new unless it was seen', () => {
  const seen = new SeenWindow();
  for (const seq of [1, 2, 4, 5]) seen.add('a', seq);
  assert.equal(seen.has('a', 3), false);
  assert.equal(seen.has('a', 4), true);
  assert.equal(seen.has('b', 4), false);
});

test('past capacity the oldest sequences fold into the floor', () => {
  const seen = new SeenWindow(3);
  for (const seq of [10, 20, 30, 40]) seen.add('a', seq);
  assert.equal(seen.has('a', 5), true);
  assert.equal(seen.has('a', 15), false);
  assert.equal(seen.has('a', 40), true);
});

test('seenBelow counts everything under a sequence as seen', () => {
  const seen = new SeenWindow();
  seen.seenBelow('a', 100);
  assert.deepEqual(
    [98, 99, 100].map((seq) => seen.has('a', seq)),
    [true, true, false],
  );
});
