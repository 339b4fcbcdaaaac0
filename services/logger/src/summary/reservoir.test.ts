import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Reservoir } from './reservoir.js';

test('mean and nearest-rank quantiles of a small stream are exact', () => {
  const reservoir = new Reservoir();
  for (let i = 1; i <= 100; i++) reservoir.add(i);
  assert.equal(reservoir.count, 100);
  assert.equal(reservoir.mean, 50.5);
  assert.equal(reservoir.quantile(0.5), 50);
  assert.equal(reservoir.quantile(0.99), 99);
});

test('a full reservoir keeps its size and an exact mean', () => {
  let state = 1;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const reservoir = new Reservoir(10, random);
  for (let i = 0; i < 1000; i++) reservoir.add(i);
  assert.equal(reservoir.count, 1000);
  assert.equal(reservoir.mean, 499.5);
  const median = reservoir.quantile(0.5)!;
  assert.ok(median >= 0 && median < 1000);
});

test('an empty reservoir has no mean and no quantiles', () => {
  assert.equal(new Reservoir().mean, null);
  assert.equal(new Reservoir().quantile(0.5), null);
});
