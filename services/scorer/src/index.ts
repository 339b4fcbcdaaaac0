export { buildScorer } from './scorer.js';
export type { Scorer, ScorerDeps } from './scorer.js';
export {
  parseScorerOptions,
  DEFAULT_SERVICE,
  DEFAULT_DURABLE,
  DEFAULT_PARTITIONS,
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_ACK_WAIT_MS,
  DEFAULT_WARMUP_MS,
  DEFAULT_WINDOW_SIZE,
  DEFAULT_MIN_FIT_SAMPLES,
  DEFAULT_REFIT_EVERY,
  DEFAULT_ONLINE_DETECTORS,
  DEFAULT_DRIFT_DELTA,
  DEFAULT_DRIFT_THRESHOLD,
  DEFAULT_DRIFT_MIN_INSTANCES,
  DEFAULT_MAX_FUTURE_MS,
  DEFAULT_LEASE_TTL_MS,
  DEFAULT_SEED,
} from './options.js';
export type { ScorerOptions, ParsedScorerOptions } from './options.js';
export { ScorerError, ScorerOptionError, ModelRefusedError } from './errors.js';
export type { ScorerErrorCode } from './errors.js';
export type { ModelSource } from './models/model-loader.js';
export {
  KvLeaseStore,
  DEFAULT_LEASE_BUCKET,
} from './partitions/lease-store.js';
export type { LeaseStore } from './partitions/lease-store.js';
export {
  partitionMappingConfig,
  partitionFilter,
  partitionDurable,
} from './partitions/partition-subjects.js';
export { readConfig } from './config.js';
export type { ScorerConfig } from './config.js';
