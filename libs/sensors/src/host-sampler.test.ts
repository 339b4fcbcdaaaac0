import assert from 'node:assert/strict';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { FEATURE_ORDER } from '@hostwatch/detectors';

import { SamplerNotStartedError } from './errors.js';
import { HostSampler } from './host-sampler.js';
import type { SensorEvent } from './sensor-events.js';

let dir: string;

/** A fake nvidia-smi: two GPUs, or a hang once `hang` exists beside it. */
function fakeNvidiaSmi(): string {
  const script = join(dir, 'nvidia-smi');
  writeFileSync(
    script,
    `#!/bin/sh
[ -f "${join(dir, 'hang')}" ] && exec sleep 30
echo "0, NVIDIA A100-SXM4-40GB, 12, 4096, 40960, 41"
echo "1, NVIDIA A100-SXM4-40GB, 87, 30720, 40960, 67"
`,
  );
  chmodSync(script, 0o755);
  return script;
}

/** A procfs copy of a host with one core, no clock, no swap, no disk. */
function fakeProc(): string {
  const proc = join(dir, 'proc');
  mkdirSync(join(proc, 'net'), { recursive: true });
  mkdirSync(join(proc, '1'));
  const files: Record<string, string> = {
    stat: 'cpu  1 0 1 8 0 0 0 0\ncpu0 1 0 1 8 0 0 0 0\n',
    cpuinfo: 'processor\t: 0\nBogoMIPS\t: 50.00\n',
    meminfo: 'MemTotal: 1000 kB\nMemAvailable: 600 kB\nSwapTotal: 0 kB\n',
    loadavg: '0.50 0.25 0.10 1/80 99\n',
    diskstats: '   7 0 loop0 1 0 1 0 1 0 1 0 0 0 0\n',
    'net/dev': 'h\nh\n  eth0: 5 1 0 0 0 0 0 0 6 1 0 0 0 0 0 0\n',
  };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(proc, name), text);
  }
  return proc;
}

/** A sysfs with a coretemp chip reading 45 and 52 °C. */
function fakeSys(): string {
  const chip = join(dir, 'sys', 'class', 'hwmon', 'hwmon0');
  mkdirSync(chip, { recursive: true });
  writeFileSync(join(chip, 'name'), 'coretemp\n');
  writeFileSync(join(chip, 'temp1_input'), '45000\n');
  writeFileSync(join(chip, 'temp2_input'), '52000\n');
  return join(dir, 'sys');
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'hostwatch-sensors-'));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('HostSampler on this host', () => {
  it('reads seed features first, per-core load and the extras', async () => {
    const sampler = new HostSampler({ nvidiaSmiCommand: null, topN: 3 });
    await sampler.start();
    await sleep(50);
    const reading = sampler.read();
    sampler.stop();
    const names = Object.keys(reading.features);
    assert.deepEqual(names.slice(0, 7), FEATURE_ORDER);
    assert.ok(names.includes('cpu_core_0_percent'));
    for (const name of ['load_1', 'net_rx_bytes_per_s', 'process_count']) {
      assert.ok(names.includes(name), name);
    }
    const cpu = reading.features.cpu_percent!;
    assert.ok(cpu >= 0 && cpu <= 100, `cpu_percent ${cpu}`);
    assert.ok(reading.features.process_count! > 1);
    assert.equal(reading.topProcesses?.by_cpu.length, 3);
    assert.ok(reading.sensorAgeMs.processes >= 0);
  });

  it('refuses to read before start', () => {
    assert.throws(() => new HostSampler().read(), SamplerNotStartedError);
  });
});

describe('HostSampler on a host that lacks sensors', () => {
  it('reports each absent sensor once and reads it as null, never 0', async () => {
    const events: SensorEvent[] = [];
    const sampler = new HostSampler({
      procRoot: fakeProc(),
      sysRoot: join(dir, 'empty-sys'),
      nvidiaSmiCommand: join(dir, 'no-such-nvidia-smi'),
      systeminformationFallback: false,
      topN: 0,
      onEvent: (event) => events.push(event),
    });
    await sampler.start();
    const { features } = sampler.read();
    sampler.stop();
    const absent = sampler.absent.map((a) => a.sensor).sort();
    assert.deepEqual(absent, [
      'cpu_freq',
      'cpu_temp',
      'disk',
      'gpu',
      'swap_percent',
    ]);
    assert.equal(events.filter((e) => e.type === 'absent').length, 5);
    for (const name of ['cpu_freq', 'cpu_temp', 'gpu_percent', 'gpu_memory']) {
      assert.equal(features[name], null, name);
    }
    assert.equal(features.swap_percent, null);
    assert.equal(features.disk_read_bytes_per_s, null);
    assert.equal(features.cpu_memory, 40);
    assert.equal(features.load_5, 0.25);
    assert.equal(features.process_count, 1);
  });
});

describe('HostSampler with sysfs temperatures and two GPUs', () => {
  it('reads the hottest sensor and the busiest GPU, and per-GPU values', async () => {
    const sampler = new HostSampler({
      sysRoot: fakeSys(),
      nvidiaSmiCommand: fakeNvidiaSmi(),
      topN: 0,
    });
    await sampler.start();
    const { features, sensorAgeMs } = sampler.read();
    sampler.stop();
    assert.equal(features.cpu_temp, 52);
    assert.equal(features.gpu_percent, 87);
    assert.equal(features.gpu_memory, 75);
    assert.equal(features.gpu_temp, 67);
    assert.equal(features.gpu_0_percent, 12);
    assert.equal(features.gpu_0_memory, 10);
    assert.equal(features.gpu_1_temp, 67);
    assert.ok(sensorAgeMs.gpu >= 0 && sensorAgeMs.cpu_temp >= 0);
  });

  it('keeps sampling at full speed while nvidia-smi hangs', async () => {
    const events: SensorEvent[] = [];
    const sampler = new HostSampler({
      nvidiaSmiCommand: fakeNvidiaSmi(),
      gpuIntervalMs: 20,
      hangTimeoutMs: 200,
      topN: 0,
      onEvent: (event) => events.push(event),
    });
    await sampler.start();
    writeFileSync(join(dir, 'hang'), '');
    await sleep(400);
    const reading = sampler.read();
    sampler.stop();
    rmSync(join(dir, 'hang'));
    assert.equal(reading.features.gpu_percent, 87, 'latest value served');
    assert.ok(reading.sensorAgeMs.gpu >= 200);
    assert.ok(events.some((e) => e.type === 'hung' && e.sensor === 'gpu'));
  });
});
