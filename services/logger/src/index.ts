export { buildLogger, LOGGER_SUBJECTS } from './logger-service.js';
export type { LoggerService } from './logger-service.js';
export {
  parseLoggerOptions,
  DEFAULT_CSV_PATH,
  DEFAULT_FLUSH_ROWS,
  DEFAULT_FLUSH_INTERVAL_MS,
  DEFAULT_ROTATE_BYTES,
  DEFAULT_LOGGER_DURABLE,
  DEFAULT_LOGGER_MAX_IN_FLIGHT,
  DEFAULT_LOGGER_ACK_WAIT_MS,
} from './logger-options.js';
export type { LoggerOptions, ParsedLoggerOptions } from './logger-options.js';
export { CSV_COLUMNS, MEMBER_DETECTORS, csvCells } from './csv/columns.js';
export type { LoggerSummary, DetectorSummary } from './summary/run-summary.js';
export { summaryPathOf } from './summary/summary-file.js';
export { readConfig } from './config.js';
export type { LoggerConfig } from './config.js';
export { LoggerError, InvalidOptionError } from './errors.js';
export type { LoggerErrorCode } from './errors.js';
