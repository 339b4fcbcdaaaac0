import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseDiskstats } from './diskstats.js';

const DISKSTATS = [
  '   7       0 loop0 9 0 900 0 0 0 0 0 0 0 0',
  ' 254       0 vda 10 0 100 0 20 0 200 0 0 0 0',
  ' 254       1 vda1 10 0 100 0 20 0 200 0 0 0 0',
  ' 259       0 nvme0n1 1 0 10 0 2 0 20 0 0 0 0',
  ' 259       1 nvme0n1p1 1 0 10 0 2 0 20 0 0 0 0',
  ' 253       0 dm-0 5 0 50 0 5 0 50 0 0 0 0',
].join('\n');

describe('parseDiskstats', () => {
  it('sums whole disks in bytes, skipping partitions and virtual devices', () => {
    const counters = parseDiskstats(DISKSTATS);
    assert.equal(counters.devices, 2);
    assert.equal(counters.readBytes, (100 + 10) * 512);
    assert.equal(counters.writeBytes, (200 + 20) * 512);
  });

  it('reports no device when only virtual ones are listed', () => {
    assert.equal(parseDiskstats(DISKSTATS.split('\n')[0]).devices, 0);
  });
});
