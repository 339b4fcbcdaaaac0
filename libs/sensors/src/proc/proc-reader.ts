import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EXTRA_FEATURES, coreFeature } from '../feature-names.js';
import type {
  AbsentSensor,
  SensorEventListener,
  SensorTimingListener,
} from '../sensor-events.js';
import { counterRate } from './counter-rate.js';
import { parseCpuinfoMhz, parseScalingFreqKhz } from './cpu-frequency.js';
import { cpuPercent, parseProcStat, type ProcStat } from './cpu-times.js';
import { parseDiskstats, type DiskCounters } from './diskstats.js';
import { parseLoadavg } from './loadavg.js';
import { parseMeminfo } from './meminfo.js';
import { parseNetDev, type NetCounters } from './net-dev.js';

export type FeatureValues = Record<string, number | null>;

/**
 * The fast sensors, read on every sample straight from procfs (a few
 * hundred microseconds in all, where systeminformation spends tens of
 * milliseconds per call): CPU load per core and in total, clock, memory,
 * swap, load averages, disk and network rates, process count. Rates and
 * loads are over the time since the previous `read()`.
 */
export class ProcReader {
  private stat: ProcStat | null = null;
  private disk: DiskCounters | null = null;
  private net: NetCounters | null = null;
  private readAt = 0;
  private readonly failing = new Set<string>();

  constructor(
    private readonly procRoot: string,
    private readonly sysRoot: string,
    private readonly onEvent: SensorEventListener,
    private readonly onTiming: SensorTimingListener,
  ) {}

  /** Reads once as a baseline; returns the sensors this host lacks. */
  probe(): AbsentSensor[] {
    const values: FeatureValues = {};
    this.read(values, performance.now());
    const absent: AbsentSensor[] = [];
    const lacks = (feature: string, reason: string): void => {
      if (values[feature] === null) absent.push({ sensor: feature, reason });
    };
    lacks('cpu_freq', 'no "cpu MHz" in /proc/cpuinfo nor cpufreq in sysfs');
    lacks(EXTRA_FEATURES.swap, 'no swap configured');
    if (this.disk?.devices === 0) {
      absent.push({ sensor: 'disk', reason: 'no disk in /proc/diskstats' });
    }
    if (this.net?.interfaces === 0) {
      absent.push({ sensor: 'net', reason: 'no interface but lo' });
    }
    return absent;
  }

  /** Writes every fast feature into `out`; a failed sensor writes null. */
  read(out: FeatureValues, now: number): void {
    const elapsedMs = this.stat === null ? 0 : now - this.readAt;
    this.readCpu(out);
    this.readFrequency(out);
    this.readMemory(out);
    this.readLoad(out);
    this.readDisk(out, elapsedMs);
    this.readNet(out, elapsedMs);
    this.readProcessCount(out);
    this.readAt = now;
  }

  private readCpu(out: FeatureValues): void {
    const stat = this.sense('cpu', () => parseProcStat(this.text('stat')));
    const before = this.stat;
    out.cpu_percent =
      stat && before ? cpuPercent(before.total, stat.total) : null;
    stat?.cores.forEach((core, i) => {
      const earlier = before?.cores[i];
      out[coreFeature(i)] = earlier ? cpuPercent(earlier, core) : null;
    });
    if (stat) this.stat = stat;
  }

  private readFrequency(out: FeatureValues): void {
    const mhz = this.sense(
      'cpu_freq',
      () => parseCpuinfoMhz(this.text('cpuinfo')) ?? this.scalingFreq(),
    );
    out.cpu_freq = mhz ?? null;
  }

  private readMemory(out: FeatureValues): void {
    const memory = this.sense('memory', () =>
      parseMeminfo(this.text('meminfo')),
    );
    out.cpu_memory = memory?.memoryPercent ?? null;
    out[EXTRA_FEATURES.swap] = memory?.swapPercent ?? null;
  }

  private readLoad(out: FeatureValues): void {
    const load = this.sense('load', () => parseLoadavg(this.text('loadavg')));
    out[EXTRA_FEATURES.load1] = load?.load1 ?? null;
    out[EXTRA_FEATURES.load5] = load?.load5 ?? null;
    out[EXTRA_FEATURES.load15] = load?.load15 ?? null;
  }

  private readDisk(out: FeatureValues, elapsedMs: number): void {
    const disk = this.sense('disk', () =>
      parseDiskstats(this.text('diskstats')),
    );
    const before = this.disk;
    const rate = (pick: (d: DiskCounters) => number): number | null =>
      disk && before?.devices
        ? counterRate(pick(before), pick(disk), elapsedMs)
        : null;
    out[EXTRA_FEATURES.diskRead] = rate((d) => d.readBytes);
    out[EXTRA_FEATURES.diskWrite] = rate((d) => d.writeBytes);
    if (disk) this.disk = disk;
  }

  private readNet(out: FeatureValues, elapsedMs: number): void {
    const net = this.sense('net', () => parseNetDev(this.text('net/dev')));
    const before = this.net;
    const rate = (pick: (n: NetCounters) => number): number | null =>
      net && before?.interfaces
        ? counterRate(pick(before), pick(net), elapsedMs)
        : null;
    out[EXTRA_FEATURES.netRx] = rate((n) => n.rxBytes);
    out[EXTRA_FEATURES.netTx] = rate((n) => n.txBytes);
    if (net) this.net = net;
  }

  private readProcessCount(out: FeatureValues): void {
    const count = this.sense('process_count', () =>
      readdirSync(this.procRoot).reduce(
        (n, name) => (isPidDir(name) ? n + 1 : n),
        0,
      ),
    );
    out[EXTRA_FEATURES.processCount] = count ?? null;
  }

  /** cpu0's cpufreq clock, where /proc/cpuinfo has none (ARM). */
  private scalingFreq(): number | null {
    const file = join(
      this.sysRoot,
      'devices/system/cpu/cpu0/cpufreq/scaling_cur_freq',
    );
    return existsSync(file)
      ? parseScalingFreqKhz(readFileSync(file, 'utf8'))
      : null;
  }

  private text(name: string): string {
    return readFileSync(join(this.procRoot, name), 'utf8');
  }

  /** Times one sensor; a failure is reported once and read as undefined. */
  private sense<T>(sensor: string, read: () => T): T | undefined {
    const started = performance.now();
    try {
      const value = read();
      if (this.failing.delete(sensor)) {
        this.onEvent({ type: 'recovered', sensor });
      }
      return value;
    } catch (error) {
      if (!this.failing.has(sensor))
        this.onEvent({ type: 'failed', sensor, error });
      this.failing.add(sensor);
      return undefined;
    } finally {
      this.onTiming(sensor, performance.now() - started);
    }
  }
}

/** /proc/<pid> directories are the only entries starting with a digit. */
function isPidDir(name: string): boolean {
  return name[0] >= '0' && name[0] <= '9';
}
