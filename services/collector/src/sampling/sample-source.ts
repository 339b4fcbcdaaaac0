import type { AbsentSensor, Reading } from '@hostwatch/sensors';

/**
 * What the collector samples: the host (`HostSampler`) or, in tests, a
 * fake with known readings.
 */
export interface SampleSource {
  start(): Promise<void>;
  stop(): void;
  read(): Reading;
  readonly absent: readonly AbsentSensor[];
}
