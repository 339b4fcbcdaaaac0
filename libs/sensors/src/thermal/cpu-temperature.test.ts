import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import {
  findCpuTemperatureFiles,
  readCpuTemperature,
} from './cpu-temperature.js';

const root = mkdtempSync(join(tmpdir(), 'hostwatch-thermal-'));
after(() => rmSync(root, { recursive: true, force: true }));

function zone(sys: string, name: string, type: string, milli: number): void {
  const dir = join(sys, 'class', 'thermal', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'type'), `${type}\n`);
  writeFileSync(join(dir, 'temp'), `${milli}\n`);
}

describe('findCpuTemperatureFiles', () => {
  it('takes the best CPU thermal zone when no hwmon chip is a CPU', () => {
    const sys = join(root, 'zones');
    zone(sys, 'thermal_zone0', 'acpitz', 30_000);
    zone(sys, 'thermal_zone1', 'x86_pkg_temp', 61_500);
    zone(sys, 'thermal_zone2', 'iwlwifi_1', 45_000);
    const files = findCpuTemperatureFiles(sys);
    assert.equal(files.length, 1);
    assert.equal(readCpuTemperature(files), 61.5);
  });

  it('finds nothing on a host without sensors (a VM), read as null', () => {
    assert.deepEqual(findCpuTemperatureFiles(join(root, 'none')), []);
    assert.equal(readCpuTemperature([join(root, 'missing')]), null);
  });
});
