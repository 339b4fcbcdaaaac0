import { setTimeout as sleep } from 'node:timers/promises';

import { FEATURE_ORDER } from '@hostwatch/detectors';

import { SamplerNotStartedError } from './errors.js';
import { gpuFeature } from './feature-names.js';
import {
  busiestGpu,
  queryNvidiaSmi,
  type GpuReading,
} from './gpu/nvidia-smi.js';
import { processReader } from './processes/process-sensor.js';
import type { TopProcesses } from './processes/top-processes.js';
import { ProcReader, type FeatureValues } from './proc/proc-reader.js';
import type { Reading } from './reading.js';
import {
  parseHostSamplerOptions,
  type HostSamplerOptions,
  type ParsedHostSamplerOptions,
} from './sampler-options.js';
import type { AbsentSensor } from './sensor-events.js';
import { SlowSensor } from './slow-sensor.js';
import {
  findCpuTemperatureFiles,
  readCpuTemperature,
} from './thermal/cpu-temperature.js';
import { readSiCpuTemperature } from './thermal/si-temperature.js';

/** Names of the slow sensors, as keys of `Reading.sensorAgeMs`. */
export const SLOW_SENSORS = {
  temperature: 'cpu_temp',
  gpu: 'gpu',
  processes: 'processes',
} as const;

/**
 * Reads the host: fast sensors from procfs on every `read()`, slow ones
 * (temperature, nvidia-smi, the process scan) from background loops whose
 * latest value and age every reading carries. `start()` finds which sensors
 * the host lacks (`absent`); their values stay null.
 */
export class HostSampler {
  private readonly options: ParsedHostSamplerOptions;
  private readonly proc: ProcReader;
  private temperature: SlowSensor<number> | null = null;
  private gpu: SlowSensor<GpuReading[]> | null = null;
  private processes: SlowSensor<TopProcesses> | null = null;
  private gpuCount = 0;
  private started = false;
  private absentSensors: readonly AbsentSensor[] = [];

  constructor(options: HostSamplerOptions = {}) {
    this.options = parseHostSamplerOptions(options);
    const { procRoot, sysRoot, onEvent, onTiming } = this.options;
    this.proc = new ProcReader(procRoot, sysRoot, onEvent, onTiming);
  }

  /** The sensors this host lacks, known once `start()` resolved. */
  get absent(): readonly AbsentSensor[] {
    return this.absentSensors;
  }

  async start(): Promise<void> {
    const absent = this.proc.probe();
    this.temperature = await this.discoverTemperature(absent);
    this.gpu = await this.discoverGpu(absent);
    this.processes = this.processSensor();
    this.absentSensors = Object.freeze(absent);
    for (const { sensor, reason } of absent) {
      this.options.onEvent({ type: 'absent', sensor, reason });
    }

    await this.startSlowSensors();
    this.started = true;
  }

  stop(): void {
    this.started = false;
    for (const sensor of this.slowSensors()) sensor.stop();
  }

  read(): Reading {
    if (!this.started) throw new SamplerNotStartedError();
    const now = performance.now();
    const features = seedFeatures();
    this.proc.read(features, now);
    features.cpu_temp = this.temperature?.latest(now) ?? null;
    this.writeGpu(features, now);
    const topProcesses = this.processes?.latest(now) ?? undefined;
    return {
      timestamp: Date.now(),
      features,
      sensorAgeMs: this.ages(now),
      ...(topProcesses && { topProcesses }),
    };
  }

  private async discoverTemperature(
    absent: AbsentSensor[],
  ): Promise<SlowSensor<number> | null> {
    const files = findCpuTemperatureFiles(this.options.sysRoot);
    if (files.length > 0) {
      return this.slowSensor(SLOW_SENSORS.temperature, () =>
        Promise.resolve(required(readCpuTemperature(files), files.join(', '))),
      );
    }
    if (await this.siHasTemperature()) {
      return this.slowSensor(SLOW_SENSORS.temperature, async () =>
        required(await readSiCpuTemperature(), 'systeminformation'),
      );
    }
    absent.push({
      sensor: SLOW_SENSORS.temperature,
      reason:
        'no CPU temperature in sysfs hwmon, thermal zones or systeminformation',
    });
    return null;
  }

  private async siHasTemperature(): Promise<boolean> {
    if (!this.options.systeminformationFallback) return false;
    const first = await withTimeout(
      readSiCpuTemperature(),
      this.options.hangTimeoutMs,
    ).catch(() => null);
    return first !== null;
  }

  private async discoverGpu(
    absent: AbsentSensor[],
  ): Promise<SlowSensor<GpuReading[]> | null> {
    const command = this.options.nvidiaSmiCommand;
    if (command === null) {
      absent.push({ sensor: SLOW_SENSORS.gpu, reason: 'GPU reading is off' });
      return null;
    }
    const timeout = this.options.hangTimeoutMs;
    const gpus = await queryNvidiaSmi(command, timeout).catch(
      (error: unknown) => gpuAbsence(command, error),
    );
    if (typeof gpus === 'string' || gpus.length === 0) {
      const reason =
        typeof gpus === 'string' ? gpus : 'nvidia-smi lists no GPU';
      absent.push({ sensor: SLOW_SENSORS.gpu, reason });
      return null;
    }
    this.gpuCount = gpus.length;
    return this.slowSensor(SLOW_SENSORS.gpu, () =>
      queryNvidiaSmi(command, timeout),
    );
  }

  private processSensor(): SlowSensor<TopProcesses> | null {
    if (this.options.topN === 0) return null;
    return this.slowSensor(SLOW_SENSORS.processes, processReader(this.options));
  }

  private slowSensor<T>(name: string, read: () => Promise<T>): SlowSensor<T> {
    const o = this.options;
    const intervals: Record<string, number> = {
      [SLOW_SENSORS.temperature]: o.temperatureIntervalMs,
      [SLOW_SENSORS.gpu]: o.gpuIntervalMs,
      [SLOW_SENSORS.processes]: o.processIntervalMs,
    };
    return new SlowSensor({
      name,
      read,
      intervalMs: intervals[name],
      hangTimeoutMs: o.hangTimeoutMs,
      staleAfterMs: o.staleAfterMs,
      onEvent: o.onEvent,
      onTiming: o.onTiming,
    });
  }

  /** Starts every loop; waits for first values at most `startWaitMs`. */
  private async startSlowSensors(): Promise<void> {
    const first = Promise.all(this.slowSensors().map((s) => s.start()));
    const ac = new AbortController();
    const wait = sleep(this.options.startWaitMs, undefined, {
      signal: ac.signal,
    }).catch(() => undefined);
    await Promise.race([first, wait]);
    ac.abort();
  }

  private slowSensors(): SlowSensor<unknown>[] {
    const all: (SlowSensor<unknown> | null)[] = [
      this.temperature,
      this.gpu,
      this.processes,
    ];
    return all.filter((sensor) => sensor !== null);
  }

  private writeGpu(features: FeatureValues, now: number): void {
    const gpus = this.gpu?.latest(now) ?? [];
    const busiest = busiestGpu(gpus);
    features.gpu_percent = busiest?.percent ?? null;
    features.gpu_memory = busiest?.memoryPercent ?? null;
    features.gpu_temp = busiest?.temperature ?? null;
    if (this.gpuCount < 2) return;
    for (let i = 0; i < this.gpuCount; i++) {
      const gpu = gpus.find((g) => g.index === i);
      features[gpuFeature(i, 'percent')] = gpu?.percent ?? null;
      features[gpuFeature(i, 'memory')] = gpu?.memoryPercent ?? null;
      features[gpuFeature(i, 'temp')] = gpu?.temperature ?? null;
    }
  }

  private ages(now: number): Record<string, number> {
    const ages: Record<string, number> = {};
    for (const sensor of this.slowSensors()) {
      const age = sensor.ageMs(now);
      if (age !== null) ages[sensor.name] = Math.round(age);
    }
    return ages;
  }
}

/** The seven seed features first, so every reading lists them in order. */
function seedFeatures(): FeatureValues {
  const features: FeatureValues = {};
  for (const name of FEATURE_ORDER) features[name] = null;
  return features;
}

function required(value: number | null, source: string): number {
  if (value === null)
    throw new Error(`no temperature could be read from ${source}`);
  return value;
}

function gpuAbsence(command: string, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return `${command} not found`;
  const message = error instanceof Error ? error.message : String(error);
  return `${command} failed: ${message.split('\n')[0]}`;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  const ac = new AbortController();
  const timeout = sleep(ms, undefined, { signal: ac.signal }).then(() => {
    throw new Error(`no answer within ${ms} ms`);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    ac.abort();
    timeout.catch(() => undefined);
  }
}
