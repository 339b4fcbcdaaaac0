import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The collector's Prometheus metrics, registered on the service's registry. */
export interface CollectorMetrics {
  readonly samples: Counter;
  readonly published: Counter;
  readonly publishErrors: Counter;
  readonly bufferDepth: Gauge;
  readonly bufferDropped: Counter;
  readonly sensorRead: Histogram<'sensor'>;
  readonly jitter: Histogram;
  readonly sensorAbsent: Gauge<'sensor'>;
}

/** Sensor reads take microseconds (procfs) to seconds (a slow nvidia-smi). */
const SENSOR_BUCKETS = [
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
  1, 5,
];

const JITTER_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1,
];

export function createCollectorMetrics(registry: Registry): CollectorMetrics {
  const registers = [registry];
  return {
    samples: new Counter({
      name: 'collector_samples_total',
      help: 'Samples taken (live) or read from the file (replay)',
      registers,
    }),
    published: new Counter({
      name: 'collector_samples_published_total',
      help: 'Samples acknowledged by the stream',
      registers,
    }),
    publishErrors: new Counter({
      name: 'collector_publish_errors_total',
      help: 'Failed publishes (each retried with the same message id)',
      registers,
    }),
    bufferDepth: new Gauge({
      name: 'collector_buffer_depth_samples',
      help: 'Samples waiting for the stream to acknowledge them',
      registers,
    }),
    bufferDropped: new Counter({
      name: 'collector_buffer_dropped_samples_total',
      help: 'Oldest samples dropped because the buffer was full',
      registers,
    }),
    sensorRead: new Histogram({
      name: 'collector_sensor_read_seconds',
      help: 'Time to read one sensor',
      labelNames: ['sensor'],
      buckets: SENSOR_BUCKETS,
      registers,
    }),
    jitter: new Histogram({
      name: 'collector_sampling_jitter_seconds',
      help: 'Actual minus planned sampling time',
      buckets: JITTER_BUCKETS,
      registers,
    }),
    sensorAbsent: new Gauge({
      name: 'collector_sensor_absent',
      help: '1 for each sensor this host lacks (its values are null)',
      labelNames: ['sensor'],
      registers,
    }),
  };
}
