import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cooldown } from './cooldown.js';

test('alerts inside the cooldown fold into the next one sent', () => {
  const cooldown = new Cooldown(10_000);
  assert.equal(cooldown.decide('anomaly', 'a', 0).status, 'sent');
  assert.equal(cooldown.decide('anomaly', 'a', 4_000).status, 'folded');
  assert.equal(cooldown.decide('anomaly', 'a', 9_999).status, 'folded');
  assert.deepEqual(cooldown.decide('anomaly', 'a', 10_000), {
    status: 'sent',
    folded: 2,
    at: 10_000,
  });
  assert.equal(cooldown.decide('anomaly', 'a', 10_001).status, 'folded');
});

test('each host and kind has its own cooldown', () => {
  const cooldown = new Cooldown(10_000);
  cooldown.decide('anomaly', 'a', 0);
  assert.equal(cooldown.decide('drift', 'a', 1).status, 'sent');
  assert.equal(cooldown.decide('anomaly', 'b', 1).status, 'sent');
});

test('a zero cooldown sends every alert', () => {
  const cooldown = new Cooldown(0);
  cooldown.decide('anomaly', 'a', 0);
  assert.equal(cooldown.decide('anomaly', 'a', 0).status, 'sent');
});
