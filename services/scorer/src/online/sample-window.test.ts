import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SampleWindow } from './sample-window.js';

describe('SampleWindow', () => {
  it('keeps rows oldest first and stores a missing sensor as NaN', () => {
    const window = new SampleWindow(['a', 'b'], 3);
    window.push({ a: 1, b: null }, 1000);
    window.push({ a: 2, b: 20 }, 2000);

    const data = window.toDataset();
    assert.equal(data.rows, 2);
    assert.deepEqual(data.features, ['a', 'b']);
    assert.deepEqual([...data.values], [1, Number.NaN, 2, 20]);
    assert.equal(window.spanMs, 1000);
  });

  it('overwrites the oldest row once full and spans the rows it keeps', () => {
    const window = new SampleWindow(['a'], 3);
    for (let i = 1; i <= 5; i++) window.push({ a: i }, i * 1000);

    assert.equal(window.full, true);
    assert.deepEqual([...window.toDataset().values], [3, 4, 5]);
    assert.equal(window.spanMs, 2000);
  });

  it('treats a feature the sample lacks as missing', () => {
    const window = new SampleWindow(['a', 'b'], 2);
    window.push({ a: 1 }, 0);
    assert.ok(Number.isNaN(window.toDataset().values[1]));
  });

  it('holds float32 rows: 4 bytes per value plus 8 per timestamp', () => {
    const window = new SampleWindow(['a', 'b', 'c'], 10);
    assert.equal(window.byteLength, 10 * 3 * 4 + 10 * 8);
  });
});
