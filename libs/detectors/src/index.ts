export {
  DetectorError,
  InvalidOptionError,
  InvalidInputError,
  UnknownFeatureError,
  FeatureCountError,
  InsufficientDataError,
  NotFittedError,
  ModelFormatError,
  CsvFormatError,
} from './errors.js';
export type { DetectorErrorCode } from './errors.js';
export {
  FEATURE_ORDER,
  FEATURE_NAME_PATTERN,
  isSeedFeature,
} from './features/feature-order.js';
export type { Sample, SeedFeature } from './features/feature-order.js';
export {
  createMatrix,
  matrixFromRows,
  rowOf,
  selectRows,
  assertFiniteMatrix,
  assertFiniteRow,
} from './core/feature-matrix.js';
export type { FeatureMatrix } from './core/feature-matrix.js';
export { DETECTOR_NAMES, SUPERVISED_DETECTORS } from './core/detector.js';
export type {
  Detector,
  DetectorJson,
  DetectorName,
  Labels,
} from './core/detector.js';
export { Random } from './core/random.js';
export type { Dataset } from './data/dataset.js';
export {
  parseDatasetCsv,
  formatDatasetCsv,
  DEFAULT_CSV_SOURCE,
  LABEL_COLUMN,
  TIMESTAMP_COLUMN,
} from './data/csv-dataset.js';
export type { ParseDatasetCsvOptions } from './data/csv-dataset.js';
export {
  StandardScaler,
  STANDARD_SCALER_VERSION,
} from './core/standard-scaler.js';
export type { StandardScalerJson } from './core/standard-scaler.js';
export { rocAuc } from './metrics/roc-auc.js';
export { averagePrecision } from './metrics/average-precision.js';
export {
  precision,
  recall,
  f1Score,
  confusionCounts,
} from './metrics/threshold-metrics.js';
export type { ConfusionCounts } from './metrics/threshold-metrics.js';
export { classificationReport } from './metrics/classification-report.js';
export type { ClassificationReport } from './metrics/classification-report.js';
export {
  PageHinkley,
  parsePageHinkleyOptions,
  DEFAULT_PAGE_HINKLEY_DELTA,
  DEFAULT_PAGE_HINKLEY_THRESHOLD,
  DEFAULT_PAGE_HINKLEY_MIN_INSTANCES,
  DEFAULT_PAGE_HINKLEY_DIRECTION,
} from './drift/page-hinkley.js';
export type {
  DriftDirection,
  PageHinkleyOptions,
} from './drift/page-hinkley.js';
export {
  AnomalyExplainer,
  parseAnomalyExplainerOptions,
  DEFAULT_EXPLAINER_TOP,
} from './explain/anomaly-explainer.js';
export type {
  AnomalyExplainerOptions,
  FeatureDeviation,
} from './explain/anomaly-explainer.js';
export {
  createDetector,
  detectorFromJSON,
  availableDetectors,
  MEMBER_NAMES,
} from './registry.js';
export type { DetectorOptions, MemberName } from './registry.js';
export {
  VotingEnsemble,
  DEFAULT_VOTE_SHARE,
  VOTING_ENSEMBLE_VERSION,
} from './detectors/voting-ensemble.js';
export type {
  VotingEnsembleJson,
  MemberDecoder,
} from './detectors/voting-ensemble.js';
export {
  QuantileCalibration,
  DEFAULT_CALIBRATION_QUANTILES,
} from './detectors/voting-ensemble-calibration.js';
export { ModelSet } from './model-set/model-set.js';
export type { ModelSetParts } from './model-set/model-set.js';
export { trainModelSet } from './model-set/train-model-set.js';
export {
  parseTrainModelSetOptions,
  DEFAULT_MODEL_SET_DETECTORS,
  DEFAULT_MODEL_SET_SEED,
  SEEDED_DETECTORS,
} from './model-set/model-set-options.js';
export type {
  TrainModelSetOptions,
  ParsedTrainModelSetOptions,
} from './model-set/model-set-options.js';
export { MODEL_SET_VERSION } from './model-set/model-set-json.js';
export type {
  ModelSetJson,
  SkippedDetector,
} from './model-set/model-set-json.js';
export { createModelSetResult } from './model-set/model-set-result.js';
export type {
  ModelSetResult,
  MemberVerdict,
  EnsembleVerdict,
} from './model-set/model-set-result.js';
export { createModelId } from './model-set/model-id.js';
export { IsolationForest } from './detectors/isolation-forest.js';
export {
  parseIsolationForestOptions,
  DEFAULT_ISOLATION_TREES,
  DEFAULT_ISOLATION_SAMPLE_SIZE,
  DEFAULT_ISOLATION_SEED,
  DEFAULT_ISOLATION_CONTAMINATION,
} from './detectors/isolation-forest-options.js';
export type { IsolationForestOptions } from './detectors/isolation-forest-options.js';
export { RandomForest } from './detectors/random-forest.js';
export {
  parseRandomForestOptions,
  DEFAULT_FOREST_TREES,
  DEFAULT_FOREST_MAX_FEATURES,
  DEFAULT_FOREST_MAX_DEPTH,
  DEFAULT_FOREST_MIN_SAMPLES_SPLIT,
  DEFAULT_FOREST_MIN_SAMPLES_LEAF,
  DEFAULT_FOREST_SEED,
  DEFAULT_FOREST_THRESHOLD,
} from './detectors/random-forest-options.js';
export type { RandomForestOptions } from './detectors/random-forest-options.js';
export { GradientBoosting } from './detectors/gradient-boosting.js';
export {
  parseGradientBoostingOptions,
  DEFAULT_BOOSTING_ROUNDS,
  DEFAULT_BOOSTING_MAX_DEPTH,
  DEFAULT_BOOSTING_LEARNING_RATE,
  DEFAULT_BOOSTING_LAMBDA,
  DEFAULT_BOOSTING_GAMMA,
  DEFAULT_BOOSTING_MIN_CHILD_WEIGHT,
  DEFAULT_BOOSTING_BASE_SCORE,
  DEFAULT_BOOSTING_THRESHOLD,
} from './detectors/gradient-boosting-options.js';
export type { GradientBoostingOptions } from './detectors/gradient-boosting-options.js';
export { evaluateTree } from './trees/flat-forest.js';
export { LockstepForest } from './trees/lockstep-forest.js';
export type { FlatForest } from './trees/flat-forest.js';
export {
  WindowedFeatures,
  windowedFeatureNames,
  WINDOWED_FEATURE_LIMIT,
} from './features/windowed-features.js';
export {
  parseWindowedFeatureOptions,
  DEFAULT_WINDOWED_FEATURE_WINDOWS,
  DEFAULT_WINDOWED_FEATURE_LAGS,
  DEFAULT_WINDOWED_FEATURE_TIME_OF_DAY,
  DEFAULT_WINDOWED_FEATURE_DAY_OF_WEEK,
  MAX_WINDOWED_FEATURE_SPAN,
} from './features/windowed-features-options.js';
export type { WindowedFeatureOptions } from './features/windowed-features-options.js';
export {
  LocalOutlierFactor,
  LOCAL_OUTLIER_FACTOR_VERSION,
} from './detectors/local-outlier-factor.js';
export {
  parseLocalOutlierFactorOptions,
  DEFAULT_LOF_K,
  DEFAULT_LOF_THRESHOLD,
} from './detectors/local-outlier-factor-options.js';
export type { LocalOutlierFactorOptions } from './detectors/local-outlier-factor-options.js';
export {
  PcaReconstruction,
  PCA_RECONSTRUCTION_VERSION,
} from './detectors/pca-reconstruction.js';
export {
  parsePcaReconstructionOptions,
  DEFAULT_PCA_COMPONENTS,
  DEFAULT_PCA_CONTAMINATION,
} from './detectors/pca-reconstruction-options.js';
export type { PcaReconstructionOptions } from './detectors/pca-reconstruction-options.js';
export {
  OneClassSvm,
  ONE_CLASS_SVM_VERSION,
} from './detectors/one-class-svm.js';
export {
  parseOneClassSvmOptions,
  DEFAULT_OCSVM_NU,
  DEFAULT_OCSVM_TOLERANCE,
  DEFAULT_OCSVM_THRESHOLD,
} from './detectors/one-class-svm-options.js';
export type { OneClassSvmOptions } from './detectors/one-class-svm-options.js';
export { spearmanCorrelation, averageRanks } from './metrics/spearman.js';
export { RlAgent, RL_AGENT_VERSION } from './detectors/rl-agent.js';
export {
  parseRlAgentOptions,
  RL_AGENT_THRESHOLD,
  DEFAULT_RL_HIDDEN_UNITS,
  DEFAULT_RL_EPOCHS,
  DEFAULT_RL_EPISODE_LENGTH,
  DEFAULT_RL_LEARNING_RATE,
  DEFAULT_RL_SEED,
  DEFAULT_RL_REWARDS,
} from './detectors/rl-agent-options.js';
export type {
  RlAgentOptions,
  RlRewards,
} from './detectors/rl-agent-options.js';
export { useWasmForRlTraining } from './detectors/rl-agent-training.js';
