export {
  SUBJECT_ROOTS,
  HOST_NAME_PATTERN,
  isValidHostName,
  metricsSubject,
  scoresSubject,
  anomaliesSubject,
  driftSubject,
  deadLetterSubject,
  hostOfSubject,
} from './subjects.js';
export type { MetricSample, ProcessInfo } from './messages/metric-sample.js';
export { sampleMessageId } from './messages/metric-sample.js';
export type {
  ScoreResult,
  ScoreStatus,
  DetectorVerdict,
  EnsembleVerdict,
  FeatureDeviation,
} from './messages/score-result.js';
export type {
  AnomalyEvent,
  DriftEvent,
  DeadLetter,
} from './messages/events.js';
export type {
  Bus,
  BusMessage,
  ConsumeOptions,
  MessageHandler,
  PublishOptions,
  Subscription,
} from './bus/bus.js';
export type {
  BusStatus,
  BusStatusEvent,
  BusStatusListener,
} from './bus/bus-status.js';
export {
  DEFAULT_MAX_IN_FLIGHT,
  DEFAULT_ACK_WAIT_MS,
  DEFAULT_NAK_DELAY_MS,
} from './bus/consume-options.js';
export { SubjectMatcher } from './bus/subject-matcher.js';
export {
  InProcessBus,
  DEFAULT_IN_PROCESS_MAX_MESSAGES,
} from './bus/in-process/in-process-bus.js';
export type { InProcessBusOptions } from './bus/in-process/in-process-bus.js';
export {
  NatsBus,
  connectNatsBus,
  DEFAULT_PUBLISH_TIMEOUT_MS,
} from './bus/nats/nats-bus.js';
export type { NatsBusOptions } from './bus/nats/nats-bus.js';
export { DEFAULT_STREAMS } from './bus/nats/stream-specs.js';
export { DEFAULT_DUPLICATE_WINDOW_MS } from './bus/duplicate-window.js';
export type { StreamSpec } from './bus/nats/stream-specs.js';
export { consumerName } from './bus/nats/durable-consumer.js';
export {
  TransportError,
  ConfigError,
  InvalidOptionError,
  BusClosedError,
} from './errors.js';
export type { TransportErrorCode } from './errors.js';
export {
  parseMetricSample,
  parseScoreResult,
  parseAnomalyEvent,
  parseDriftEvent,
  parseDeadLetter,
  DEFAULT_MAX_FUTURE_MS,
} from './messages/validate.js';
export type { SampleValidationOptions } from './messages/validate.js';
export { MessageValidationError } from './messages/validation-error.js';
export type { ValidationReason } from './messages/validation-error.js';
export {
  readString,
  readOptionalString,
  readInt,
  readNumber,
  readBool,
  readEnum,
  readUrl,
  readDuration,
  readList,
} from './config/env.js';
export type { Env, ReadOptions, IntOptions } from './config/env.js';
export {
  buildMetricsServer,
  DEFAULT_METRICS_HOST,
} from './http/metrics-server.js';
export type {
  MetricsServer,
  MetricsServerOptions,
  HealthReport,
  HealthCheck,
  ReadyReport,
  ListenOptions,
  BoundAddress,
} from './http/metrics-server.js';
export {
  onShutdown,
  DEFAULT_SHUTDOWN_SIGNALS,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
} from './lifecycle/shutdown.js';
export type {
  ShutdownHandler,
  ShutdownOptions,
  ShutdownStep,
  ShutdownControl,
  SignalEmitter,
} from './lifecycle/shutdown.js';
export {
  createLogger,
  DEFAULT_LOG_LEVEL,
  DEFAULT_REDACT_PATHS,
} from './logging/logger.js';
export type { LoggerOptions, Logger } from './logging/logger.js';
export {
  DeadLetterPublisher,
  DEFAULT_DEAD_LETTER_PAYLOAD_BYTES,
} from './dead-letter.js';
export type { DeadLetterOptions, Rejection } from './dead-letter.js';
export {
  RateLimitedLog,
  DEFAULT_RATE_LIMIT_INTERVAL_MS,
} from './rate-limited-log.js';
export type {
  RateLimitedLogFn,
  RateLimitedLogOptions,
} from './rate-limited-log.js';
export {
  FLEET_MODEL_NAME,
  hostModelName,
  assertModelName,
} from './model-store/model-store.js';
export type {
  ModelStore,
  ModelContent,
  ModelInfo,
  ModelChange,
  ModelWatch,
  ModelWatchCallback,
  WatchOptions,
} from './model-store/model-store.js';
export {
  MemoryModelStore,
  modelDigest,
} from './model-store/memory-model-store.js';
export {
  DirectoryModelStore,
  openDirectoryModelStore,
} from './model-store/directory-model-store.js';
export {
  openNatsModelStore,
  DEFAULT_MODEL_BUCKET,
  DEFAULT_MODEL_BUCKET_MAX_BYTES,
} from './model-store/nats-model-store.js';
export type { NatsModelStoreOptions } from './model-store/nats-model-store.js';
export {
  DeliveryDedup,
  DEFAULT_DEDUP_CAPACITY,
} from './dedup/delivery-dedup.js';
export type { Delivery } from './dedup/delivery-dedup.js';
export { readTailLines } from './dedup/tail-lines.js';
export {
  ValidatedIntake,
  DEFAULT_DEAD_LETTER_RETRY_MS,
} from './validated-intake.js';
export type { ValidatedIntakeOptions } from './validated-intake.js';
export { serveService } from './lifecycle/serve-service.js';
export type {
  ServeServiceOptions,
  ServedService,
  ServiceWorker,
} from './lifecycle/serve-service.js';
export {
  readNatsSettings,
  readMetricsSettings,
  readMetricsPort,
  readLogLevel,
  DEFAULT_NATS_URL,
  DEFAULT_SETTINGS_METRICS_HOST,
  SERVICE_LOG_LEVELS,
} from './config/service-settings.js';
export type {
  NatsSettings,
  MetricsSettings,
  ServiceLogLevel,
} from './config/service-settings.js';
