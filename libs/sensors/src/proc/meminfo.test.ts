import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SensorParseError } from '../errors.js';
import { parseMeminfo } from './meminfo.js';

describe('parseMeminfo', () => {
  it('counts used memory as total minus available, and swap use', () => {
    const usage = parseMeminfo(
      'MemTotal: 1000 kB\nMemFree: 100 kB\nMemAvailable: 250 kB\n' +
        'SwapTotal: 400 kB\nSwapFree: 300 kB\n',
    );
    assert.equal(usage.memoryPercent, 75);
    assert.equal(usage.swapPercent, 25);
    assert.equal(usage.totalBytes, 1000 * 1024);
  });

  it('reports a host without swap as null, not 0', () => {
    const usage = parseMeminfo(
      'MemTotal: 1000 kB\nMemAvailable: 500 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n',
    );
    assert.equal(usage.swapPercent, null);
  });

  it('estimates available memory on kernels without MemAvailable', () => {
    const usage = parseMeminfo(
      'MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 50 kB\nCached: 50 kB\n',
    );
    assert.equal(usage.memoryPercent, 80);
  });

  it('rejects text without MemTotal', () => {
    assert.throws(() => parseMeminfo('MemFree: 1 kB\n'), SensorParseError);
  });
});
