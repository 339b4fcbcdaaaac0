import { CsvFormatError, InvalidInputError } from '../errors.js';
import { FEATURE_NAME_PATTERN } from '../features/feature-order.js';
import type { Dataset } from './dataset.js';

/**
 * Reading and writing data set CSVs (DESIGN.md): a header of feature names,
 * an optional `label` column (1 anomaly, 0 normal), an optional `timestamp`
 * column kept as text. An empty cell is a missing value (NaN in the data
 * set, `null` in a sample).
 *
 * FIXME: cells are split on every comma; a quoted cell holding a comma (a
 * timestamp written as "Dec 3, 2026") is read as two cells and the row is
 * rejected as ragged. Feature and label cells are numbers, so only a
 * free-text timestamp can hit this.
 */
export interface ParseDatasetCsvOptions {
  /** Named in every error: a file path or a description. */
  readonly source?: string;
  /** The feature columns the file must hold: no more, no fewer. */
  readonly expectFeatures?: readonly string[];
  /** Reject a file without a `label` column. */
  readonly requireLabel?: boolean;
}

export const DEFAULT_CSV_SOURCE = 'csv';
export const LABEL_COLUMN = 'label';
export const TIMESTAMP_COLUMN = 'timestamp';

interface CsvOptions {
  readonly source: string;
  readonly expectFeatures: readonly string[] | undefined;
  readonly requireLabel: boolean;
}

/** Where each kind of column sits in a row; -1 when the file lacks it. */
interface CsvHeader {
  readonly columns: readonly string[];
  readonly features: readonly string[];
  readonly featureCells: readonly number[];
  readonly labelCell: number;
  readonly timestampCell: number;
}

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseDatasetCsv(
  text: string,
  options: ParseDatasetCsvOptions = {},
): Dataset {
  const opts = parseCsvOptions(options);
  const lines = splitLines(text);
  if (lines.length === 0) {
    throw new CsvFormatError(
      opts.source,
      1,
      'empty file: expected a header of feature names',
    );
  }

  const header = parseHeader(lines[0], opts);
  return readRows(lines, header, opts.source);
}

function parseCsvOptions(options: ParseDatasetCsvOptions): CsvOptions {
  return Object.freeze({
    source: options.source ?? DEFAULT_CSV_SOURCE,
    expectFeatures: options.expectFeatures,
    requireLabel: options.requireLabel ?? false,
  });
}

/** Lines without their ends; a byte-order mark and trailing blanks dropped. */
function splitLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') {
    lines.pop();
  }
  return lines;
}

function parseHeader(line: string, opts: CsvOptions): CsvHeader {
  const columns = line.split(',').map((cell) => unquote(cell.trim()));
  checkColumnNames(columns, opts.source);
  const featureCells: number[] = [];
  columns.forEach((name, cell) => {
    if (name !== LABEL_COLUMN && name !== TIMESTAMP_COLUMN) {
      featureCells.push(cell);
    }
  });
  const header: CsvHeader = {
    columns,
    features: featureCells.map((cell) => columns[cell]),
    featureCells,
    labelCell: columns.indexOf(LABEL_COLUMN),
    timestampCell: columns.indexOf(TIMESTAMP_COLUMN),
  };

  checkExpectations(header, opts);
  return header;
}

function checkColumnNames(columns: readonly string[], source: string): void {
  const seen = new Set<string>();
  columns.forEach((name, cell) => {
    if (!FEATURE_NAME_PATTERN.test(name)) {
      throw new CsvFormatError(
        source,
        1,
        `column ${cell + 1} "${name}" is not a feature name: expected ` +
          `snake_case (${String(FEATURE_NAME_PATTERN)}), "label" or "timestamp"`,
      );
    }
    if (seen.has(name)) {
      throw new CsvFormatError(
        source,
        1,
        `column "${name}" appears twice: expected each column once`,
      );
    }
    seen.add(name);
  });
}

function checkExpectations(header: CsvHeader, opts: CsvOptions): void {
  if (opts.requireLabel && header.labelCell < 0) {
    throw new CsvFormatError(
      opts.source,
      1,
      `no "label" column: expected labelled data (columns: ` +
        `${header.columns.join(', ')})`,
    );
  }
  if (opts.expectFeatures !== undefined) {
    checkFeatureSet(header.features, opts.expectFeatures, opts.source);
  }
}

function checkFeatureSet(
  features: readonly string[],
  expected: readonly string[],
  source: string,
): void {
  const unknown = features.find((name) => !expected.includes(name));
  if (unknown !== undefined) {
    throw new CsvFormatError(
      source,
      1,
      `unknown column "${unknown}": expected one of ${expected.join(', ')}`,
    );
  }
  const missing = expected.find((name) => !features.includes(name));
  if (missing !== undefined) {
    throw new CsvFormatError(
      source,
      1,
      `missing column "${missing}": expected ${expected.join(', ')}`,
    );
  }
}

function readRows(
  lines: readonly string[],
  header: CsvHeader,
  source: string,
): Dataset {
  const rows = lines.length - 1;
  const width = header.features.length;
  const values = new Float64Array(rows * width);
  const labels = header.labelCell >= 0 ? new Uint8Array(rows) : undefined;
  const timestamps: string[] | undefined =
    header.timestampCell >= 0 ? [] : undefined;
  for (let row = 0; row < rows; row++) {
    const line = row + 2;
    const cells = splitRow(lines[row + 1], header, source, line);
    readFeatures(cells, header, source, line, values.subarray(row * width));
    if (labels) labels[row] = readLabel(cells[header.labelCell], source, line);
    timestamps?.push(unquote(cells[header.timestampCell].trim()));
  }

  return {
    features: header.features,
    rows,
    values,
    ...(labels && { labels }),
    ...(timestamps && { timestamps }),
  };
}

function splitRow(
  text: string,
  header: CsvHeader,
  source: string,
  line: number,
): string[] {
  const cells = text.split(',');
  if (cells.length !== header.columns.length) {
    throw new CsvFormatError(
      source,
      line,
      `row has ${cells.length} cells: expected ${header.columns.length} ` +
        `(${header.columns.join(', ')})`,
    );
  }
  return cells;
}

function readFeatures(
  cells: readonly string[],
  header: CsvHeader,
  source: string,
  line: number,
  out: Float64Array,
): void {
  header.featureCells.forEach((cell, f) => {
    out[f] = parseCell(cells[cell], header.features[f], source, line);
  });
}

/** A finite decimal number, or NaN for an empty cell. */
function parseCell(
  cell: string,
  column: string,
  source: string,
  line: number,
): number {
  const text = cell.trim();
  if (text === '') return Number.NaN;
  const value = Number(text);
  if (!NUMBER_PATTERN.test(text) || !Number.isFinite(value)) {
    throw new CsvFormatError(
      source,
      line,
      `column "${column}" holds "${text}": expected a finite decimal number ` +
        'or an empty cell',
    );
  }
  return value;
}

function readLabel(cell: string, source: string, line: number): number {
  const value = Number(cell.trim());
  if (!NUMBER_PATTERN.test(cell.trim()) || (value !== 0 && value !== 1)) {
    throw new CsvFormatError(
      source,
      line,
      `label "${cell.trim()}" is not a label: expected 0 (normal) or 1 (anomaly)`,
    );
  }
  return value;
}

function unquote(cell: string): string {
  return cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"')
    ? cell.slice(1, -1).replaceAll('""', '"')
    : cell;
}

/**
 * The CSV text of a data set: `timestamp` first when present, the features
 * in data set order, `label` last when present; NaN as an empty cell. What
 * `parseDatasetCsv` reads back is the same data set.
 */
export function formatDatasetCsv(dataset: Dataset): string {
  const { features, rows, labels, timestamps } = dataset;
  const header = [
    ...(timestamps ? [TIMESTAMP_COLUMN] : []),
    ...features,
    ...(labels ? [LABEL_COLUMN] : []),
  ];
  const lines = [header.join(',')];
  for (let row = 0; row < rows; row++) {
    lines.push(formatRow(dataset, row).join(','));
  }
  return lines.join('\n') + '\n';
}

function formatRow(dataset: Dataset, row: number): string[] {
  const { features, values, labels, timestamps } = dataset;
  const width = features.length;
  const cells: string[] = [];
  if (timestamps) cells.push(formatTimestamp(timestamps[row], row));
  for (let f = 0; f < width; f++) {
    cells.push(formatValue(values[row * width + f], row, features[f]));
  }
  if (labels) cells.push(String(labels[row]));
  return cells;
}

function formatValue(value: number, row: number, feature: string): string {
  if (Number.isNaN(value)) return '';
  if (!Number.isFinite(value)) {
    throw new InvalidInputError(
      `value ${value} at row ${row}, feature "${feature}" cannot be written: ` +
        'expected a finite number or NaN (missing)',
    );
  }
  return String(value);
}

function formatTimestamp(timestamp: string | undefined, row: number): string {
  if (timestamp === undefined || /[,"\r\n]/.test(timestamp)) {
    throw new InvalidInputError(
      `timestamp ${JSON.stringify(timestamp)} at row ${row} cannot be ` +
        'written: expected text without commas, quotes or line breaks',
    );
  }
  return timestamp;
}
