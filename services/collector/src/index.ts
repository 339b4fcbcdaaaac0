export { buildCollector } from './collector.js';
export type { Collector } from './collector.js';
export {
  DEFAULT_INTERVAL_MS,
  DEFAULT_BUFFER_SIZE,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_FLUSH_TIMEOUT_MS,
  MIN_INTERVAL_MS,
  parsePublisherOptions,
} from './collector-options.js';
export type {
  CollectorOptions,
  PublisherOptions,
  ParsedPublisherOptions,
} from './collector-options.js';
export { buildReplay } from './replay/replay.js';
export type { Replay, ReplayResult } from './replay/replay.js';
export {
  DEFAULT_REPLAY_SPEED,
  parseReplaySpeed,
} from './replay/replay-options.js';
export type { ReplayOptions, ReplaySpeed } from './replay/replay-options.js';
export type { SampleSource } from './sampling/sample-source.js';
export { createCollectorMetrics } from './metrics.js';
export type { CollectorMetrics } from './metrics.js';
export { readConfig, argvOverrides, DEFAULT_METRICS_PORT } from './config.js';
export type { CollectorConfig, ReplayConfig } from './config.js';
export {
  CollectorError,
  InvalidCollectorOptionError,
  CollectorStoppedError,
} from './errors.js';
export type { CollectorErrorCode } from './errors.js';
