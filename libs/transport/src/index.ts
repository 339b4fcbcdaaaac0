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
