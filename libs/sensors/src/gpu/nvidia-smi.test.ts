import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SensorParseError } from '../errors.js';
import { busiestGpu, parseNvidiaSmi } from './nvidia-smi.js';

// Captured in the shape of `nvidia-smi --query-gpu=index,name,
// utilization.gpu,memory.used,memory.total,temperature.gpu
// --format=csv,noheader,nounits` on a two-GPU host.
const TWO_GPUS =
  '0, NVIDIA A100-SXM4-40GB, 12, 4096, 40960, 41\n' +
  '1, NVIDIA A100-SXM4-40GB, 87, 30720, 40960, 67\n';

describe('parseNvidiaSmi', () => {
  it('reads one reading per GPU, memory as percent of total', () => {
    const gpus = parseNvidiaSmi(TWO_GPUS);
    assert.equal(gpus.length, 2);
    assert.deepEqual(gpus[1], {
      index: 1,
      name: 'NVIDIA A100-SXM4-40GB',
      percent: 87,
      memoryPercent: 75,
      temperature: 67,
    });
  });

  it('reads [N/A] and [Not Supported] as null, never 0', () => {
    const [gpu] = parseNvidiaSmi(
      '0, Tesla T4, [N/A], [N/A], 15360, [Not Supported]\n',
    );
    assert.equal(gpu.percent, null);
    assert.equal(gpu.memoryPercent, null);
    assert.equal(gpu.temperature, null);
  });

  it('rejects a line of another shape', () => {
    assert.throws(
      () => parseNvidiaSmi('No devices were found'),
      SensorParseError,
    );
  });
});

describe('busiestGpu', () => {
  it('picks the GPU with the highest utilisation', () => {
    assert.equal(busiestGpu(parseNvidiaSmi(TWO_GPUS))?.index, 1);
    assert.equal(busiestGpu([]), null);
  });
});
