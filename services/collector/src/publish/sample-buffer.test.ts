import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { MetricSample } from '@hostwatch/transport';

import { SampleBuffer } from './sample-buffer.js';

function sample(seq: number): MetricSample {
  return { v: 1, host: 'h', seq, timestamp: seq, features: {}, jitter_ms: 0 };
}

describe('SampleBuffer', () => {
  it('keeps samples in order and drops the oldest when full', () => {
    const buffer = new SampleBuffer(3);
    for (let seq = 1; seq <= 5; seq++) buffer.push(sample(seq));
    assert.equal(buffer.depth, 3);
    assert.equal(buffer.dropped, 2);
    const seqs: number[] = [];
    for (let s = buffer.peek(); s !== undefined; s = buffer.peek()) {
      seqs.push(s.seq);
      buffer.remove(s);
    }
    assert.deepEqual(seqs, [3, 4, 5]);
  });

  it('does not remove a newer head when the sent sample was dropped', () => {
    const buffer = new SampleBuffer(1);
    const inFlight = sample(1);
    buffer.push(inFlight);
    buffer.push(sample(2));
    buffer.remove(inFlight);
    assert.equal(buffer.peek()?.seq, 2);
  });
});
