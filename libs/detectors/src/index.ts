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
