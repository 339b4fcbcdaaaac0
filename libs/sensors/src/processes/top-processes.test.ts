import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseProcessStat, type ProcessStat } from './process-stat.js';
import { topProcesses, type ProcessScan } from './top-processes.js';

// Fields after the name: state ppid ... utime(14) stime(15) ... starttime(22)
// vsize(23) rss(24); the name holds a space and a parenthesis.
const STAT =
  '4242 (my (odd) proc) S 1 4242 4242 0 -1 4194560 100 0 0 0 ' +
  '250 50 0 0 20 0 1 0 9000 123456 512 18446744073709551615 0 0';

const SCALE = {
  clockTicksPerSecond: 100,
  pageBytes: 4096,
  memoryTotalBytes: 4096 * 1000,
};

function scan(atMs: number, stats: ProcessStat[]): ProcessScan {
  return { atMs, stats: new Map(stats.map((s) => [s.pid, s])) };
}

function stat(pid: number, cpuTicks: number, rssPages: number): ProcessStat {
  return { pid, name: `p${pid}`, cpuTicks, rssPages, startTicks: 1 };
}

describe('parseProcessStat', () => {
  it('reads name, cpu ticks, rss and start time past an odd name', () => {
    assert.deepEqual(parseProcessStat(STAT), {
      pid: 4242,
      name: 'my (odd) proc',
      cpuTicks: 300,
      rssPages: 512,
      startTicks: 9000,
    });
  });

  it('answers null for the empty file of an exited process', () => {
    assert.equal(parseProcessStat(''), null);
  });
});

describe('topProcesses', () => {
  it('ranks by CPU share over the interval and by resident memory', () => {
    const before = scan(0, [stat(1, 0, 10), stat(2, 0, 500), stat(3, 0, 1)]);
    const after = scan(2000, [
      stat(1, 100, 10),
      stat(2, 20, 500),
      stat(3, 0, 1),
    ]);
    const top = topProcesses(before, after, SCALE, 2);
    assert.deepEqual(
      top.by_cpu.map((p) => [p.pid, p.cpu_percent]),
      [
        [1, 50],
        [2, 10],
      ],
    );
    assert.deepEqual(
      top.by_memory.map((p) => [p.pid, p.memory_percent]),
      [
        [2, 50],
        [1, 1],
      ],
    );
  });

  it('counts all CPU time of a process started, or a pid reused, in the interval', () => {
    const before = scan(0, [{ ...stat(7, 500, 1), startTicks: 1 }]);
    const after = scan(1000, [{ ...stat(7, 30, 1), startTicks: 99 }]);
    const [reused] = topProcesses(before, after, SCALE, 1).by_cpu;
    assert.equal(reused.cpu_percent, 30);
  });
});
