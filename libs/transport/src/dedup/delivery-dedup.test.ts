import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DeliveryDedup } from './delivery-dedup.js';

test('a late lower sequence is new unless it was seen', () => {
  const seen = new DeliveryDedup();
  for (const seq of [1, 2, 4, 5]) seen.add('a', seq);
  assert.equal(seen.has('a', 3), false);
  assert.equal(seen.has('a', 4), true);
  assert.equal(seen.has('b', 4), false);
});

test('past capacity the oldest sequences fold into the floor', () => {
  const seen = new DeliveryDedup(3);
  for (const seq of [10, 20, 30, 40]) seen.add('a', seq);
  assert.equal(seen.has('a', 5), true);
  assert.equal(seen.has('a', 15), false);
  assert.equal(seen.has('a', 40), true);
});

test('seenBelow counts everything under a sequence as seen', () => {
  const seen = new DeliveryDedup();
  seen.seenBelow('a', 100);
  assert.deepEqual(
    [98, 99, 100].map((seq) => seen.has('a', seq)),
    [true, true, false],
  );
});

test('rebuilt counts each stream seen below its first delivery read', () => {
  const seen = DeliveryDedup.rebuilt([
    ['a', 7],
    ['b', 9],
    ['a', 5],
    ['a', 8],
  ]);
  assert.deepEqual(
    [4, 5, 6, 7, 8, 9].map((seq) => seen.has('a', seq)),
    [true, true, false, true, true, false],
  );
  assert.deepEqual(
    [8, 9, 10].map((seq) => seen.has('b', seq)),
    [true, true, false],
  );
  assert.equal(seen.has('c', 1), false);
});
