import { FEATURE_ORDER } from '@hostwatch/detectors';
import type { AbsentSensor, Reading } from '@hostwatch/sensors';

import type { SampleSource } from '../sampling/sample-source.js';

/** A host whose readings count up: cpu_percent = reading number. */
export class FakeSource implements SampleSource {
  readonly absent: readonly AbsentSensor[] = [
    { sensor: 'gpu', reason: 'nvidia-smi not found' },
  ];
  reads = 0;

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): void {}

  read(): Reading {
    this.reads++;
    const features: Record<string, number | null> = {};
    for (const name of FEATURE_ORDER) features[name] = null;
    features.cpu_percent = this.reads;
    features.load_1 = 0.5;
    return {
      timestamp: Date.now(),
      features,
      sensorAgeMs: { processes: 10 },
      topProcesses: {
        by_cpu: [{ pid: 1, name: 'init', cpu_percent: 1, memory_percent: 2 }],
        by_memory: [],
      },
    };
  }
}
