import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SensorParseError } from '../errors.js';
import { cpuPercent, parseProcStat } from './cpu-times.js';

const BEFORE = `cpu  100 0 100 700 100 0 0 0 0 0
cpu0 50 0 50 350 50 0 0 0 0 0
cpu1 50 0 50 350 50 0 0 0 0 0
intr 12345
`;
// cpu0 busy 30 of 40 jiffies; cpu1 idle for 40.
const AFTER = `cpu  130 0 100 740 110 0 0 0 0 0
cpu0 80 0 50 350 60 0 0 0 0 0
cpu1 50 0 50 390 50 0 0 0 0 0
`;

describe('parseProcStat and cpuPercent', () => {
  it('gives total and per-core busy shares, iowait counted idle', () => {
    const before = parseProcStat(BEFORE);
    const after = parseProcStat(AFTER);
    assert.equal(after.cores.length, 2);
    assert.equal(cpuPercent(before.total, after.total), 37.5);
    assert.equal(cpuPercent(before.cores[0], after.cores[0]), 75);
    assert.equal(cpuPercent(before.cores[1], after.cores[1]), 0);
  });

  it('answers null, not 0, when no time passed', () => {
    const stat = parseProcStat(BEFORE);
    assert.equal(cpuPercent(stat.total, stat.total), null);
  });

  it('rejects text without a cpu line', () => {
    assert.throws(() => parseProcStat('intr 1\n'), SensorParseError);
  });
});
