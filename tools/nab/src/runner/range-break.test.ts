import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rangeBreaks } from './range-break.js';

describe('rangeBreaks', () => {
  it('flags a value past the range by more than the tolerance', () => {
    // Range [0, 10] before row 2, slack 1: 11 is inside. Range [0, 11],
    // slack 1.1: 12.5 is out. Range [0, 12.5], slack 1.25: 13 is inside
    // and -2 is out.
    const values = [0, 10, 11, 12.5, 13, -2];
    assert.deepEqual(
      Array.from(rangeBreaks(values, 0, 0.1)),
      [0, 0, 0, 1, 0, 1],
    );
  });

  it('learns the range before `from` without flagging it', () => {
    const values = [0, 10, 100, 50, 200];
    assert.deepEqual(Array.from(rangeBreaks(values, 3, 0)), [0, 0, 0, 0, 1]);
  });

  it('reads only the past: a later row changes no earlier flag', () => {
    const a = rangeBreaks([1, 2, 3, 50, 4], 0, 0.05);
    const b = rangeBreaks([1, 2, 3, 50, -80], 0, 0.05);
    assert.deepEqual(a.subarray(0, 4), b.subarray(0, 4));
  });

  it('flags nothing on a flat line until it moves', () => {
    assert.deepEqual(
      Array.from(rangeBreaks([5, 5, 5, 6], 0, 0.05)),
      [0, 0, 0, 0],
    );
  });
});
