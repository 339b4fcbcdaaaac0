import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseNetDev } from './net-dev.js';

const NET_DEV = `Inter-|   Receive                                                |  Transmit
 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
    lo:   46964     651    0    0    0     0          0         0    46964     651    0    0    0     0       0          0
  eth0: 1000    7913    0    0    0     0          0         0   300    5470    0    0    0     0       0          0
  eth1:500 1 0 0 0 0 0 0 70 1 0 0 0 0 0 0
`;

describe('parseNetDev', () => {
  it('sums every interface but loopback, also with no space after the colon', () => {
    assert.deepEqual(parseNetDev(NET_DEV), {
      rxBytes: 1500,
      txBytes: 370,
      interfaces: 2,
    });
  });
});
