/**
 * What the sampler tells its owner about sensors (the library never logs):
 * a sensor the host lacks, a slow sensor that failed, hung past its timeout
 * or came back.
 */
export type SensorEvent =
  | {
      readonly type: 'absent';
      readonly sensor: string;
      readonly reason: string;
    }
  | {
      readonly type: 'failed';
      readonly sensor: string;
      readonly error: unknown;
    }
  | {
      readonly type: 'hung';
      readonly sensor: string;
      readonly timeoutMs: number;
    }
  | { readonly type: 'recovered'; readonly sensor: string };

export type SensorEventListener = (event: SensorEvent) => void;

/** Called after every sensor read with how long it took, ms. */
export type SensorTimingListener = (sensor: string, durationMs: number) => void;

/** A sensor the host lacks, found at start; its values stay null. */
export interface AbsentSensor {
  readonly sensor: string;
  readonly reason: string;
}
