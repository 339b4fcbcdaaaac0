import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseCpuinfoMhz, parseScalingFreqKhz } from './cpu-frequency.js';

describe('parseCpuinfoMhz', () => {
  it('averages the cores', () => {
    const text = 'processor\t: 0\ncpu MHz\t\t: 2000.5\ncpu MHz\t\t: 3000.5\n';
    assert.equal(parseCpuinfoMhz(text), 2500.5);
  });

  it('answers null, not 0, when no core lists a clock', () => {
    assert.equal(parseCpuinfoMhz('processor\t: 0\nBogoMIPS\t: 50\n'), null);
  });

  it('reads cpufreq kHz as MHz, null for 0', () => {
    assert.equal(parseScalingFreqKhz('2400000\n'), 2400);
    assert.equal(parseScalingFreqKhz('0\n'), null);
  });
});
