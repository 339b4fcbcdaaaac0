import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { CsvFormatError, InvalidInputError } from '../errors.js';
import { FEATURE_ORDER } from '../features/feature-order.js';
import { formatDatasetCsv, parseDatasetCsv } from './csv-dataset.js';

const FIXTURE = fileURLToPath(
  new URL('../../../../../shared/fixtures/labeled_test.csv', import.meta.url),
);

function csvError(line: number, pattern: RegExp) {
  return (err: unknown): boolean =>
    err instanceof CsvFormatError &&
    err.code === 'CSV_FORMAT' &&
    err.source === 'test.csv' &&
    err.line === line &&
    pattern.test(err.message);
}

function parse(text: string, requireLabel = false) {
  return parseDatasetCsv(text, { source: 'test.csv', requireLabel });
}

describe('parseDatasetCsv', () => {
  it('reads features, labels and timestamps in file order', () => {
    const ds = parse('timestamp,cpu_percent,label,gpu_temp\nt0,1.5,0,2\n');
    assert.deepEqual(ds.features, ['cpu_percent', 'gpu_temp']);
    assert.equal(ds.rows, 1);
    assert.deepEqual([...ds.values], [1.5, 2]);
    assert.deepEqual([...ds.labels!], [0]);
    assert.deepEqual(ds.timestamps, ['t0']);
  });

  it('reads an empty cell as NaN (missing), not 0', () => {
    const ds = parse('cpu_percent,cpu_temp\r\n3,\r\n,4\r\n');
    assert.ok(Number.isNaN(ds.values[1]));
    assert.ok(Number.isNaN(ds.values[2]));
    assert.equal(ds.values[0], 3);
    assert.equal(ds.values[3], 4);
  });

  it('leaves labels and timestamps out when the file has none', () => {
    const ds = parse('cpu_percent\n1\n');
    assert.equal('labels' in ds, false);
    assert.equal('timestamps' in ds, false);
  });

  it('reads the labelled fixture: 1500 rows, seed features, both classes', () => {
    const ds = parseDatasetCsv(readFileSync(FIXTURE, 'utf8'), {
      source: FIXTURE,
      expectFeatures: FEATURE_ORDER,
      requireLabel: true,
    });
    assert.equal(ds.rows, 1500);
    assert.deepEqual(ds.features, FEATURE_ORDER);
    assert.equal(ds.values[0], 30.3609);
    const anomalies = ds.labels!.reduce((sum, label) => sum + label, 0);
    assert.ok(anomalies > 0 && anomalies < 1500);
  });

  it('rejects an empty file on line 1', () => {
    assert.throws(() => parse(''), csvError(1, /empty file/));
    assert.throws(() => parse('\uFEFF\n\n'), csvError(1, /empty file/));
  });

  it('rejects a column that is not a feature name', () => {
    assert.throws(
      () => parse('cpu_percent,CPU Load\n1,2\n'),
      csvError(1, /column 2 "CPU Load" is not a feature name/),
    );
  });

  it('rejects a duplicate column', () => {
    assert.throws(
      () => parse('cpu_percent,cpu_percent\n1,2\n'),
      csvError(1, /"cpu_percent" appears twice/),
    );
  });

  it('rejects a non-numeric cell with its line and column', () => {
    const text = 'cpu_percent,cpu_temp\n1,2\n3,hot\n';
    assert.throws(() => parse(text), csvError(3, /"cpu_temp" holds "hot"/));
    assert.throws(() => parse('cpu_percent\n0x10\n'), csvError(2, /0x10/));
    assert.throws(() => parse('cpu_percent\n1e999\n'), csvError(2, /1e999/));
  });

  it('rejects a ragged row with its line', () => {
    const text = 'cpu_percent,cpu_temp\n1,2\n3\n4,5\n';
    assert.throws(() => parse(text), csvError(3, /1 cells: expected 2/));
    assert.throws(() => parse('a,b\n1,2\n\n3,4\n'), csvError(3, /1 cells/));
  });

  it('rejects a label other than 0 or 1', () => {
    assert.throws(
      () => parse('cpu_percent,label\n1,2\n'),
      csvError(2, /label "2".*expected 0/),
    );
    assert.throws(() => parse('cpu_percent,label\n1,\n'), csvError(2, /""/));
  });

  it('rejects a missing label column when labels are required', () => {
    assert.throws(() => parse('cpu_percent\n1\n', true), csvError(1, /label/));
  });

  it('rejects features outside or missing from the expected set', () => {
    const expectFeatures = ['cpu_percent', 'cpu_temp'];
    const read = (text: string) =>
      parseDatasetCsv(text, { source: 'test.csv', expectFeatures });
    assert.throws(
      () => read('cpu_percent,disk_io\n1,2\n'),
      csvError(1, /unknown column "disk_io"/),
    );
    assert.throws(
      () => read('cpu_percent\n1\n'),
      csvError(1, /missing column "cpu_temp"/),
    );
  });
});

describe('formatDatasetCsv', () => {
  it('writes what parseDatasetCsv reads back, NaN as an empty cell', () => {
    const text =
      'timestamp,cpu_percent,cpu_temp,label\nt0,0.1,,1\nt1,2,-3e-7,0\n';
    const ds = parse(text);
    assert.equal(formatDatasetCsv(ds), text);
    assert.deepEqual(parse(formatDatasetCsv(ds)), ds);
  });

  it('round-trips the labelled fixture value for value', () => {
    const ds = parseDatasetCsv(readFileSync(FIXTURE, 'utf8'));
    const again = parseDatasetCsv(formatDatasetCsv(ds));
    assert.deepEqual(again, ds);
  });

  it('refuses to write Infinity or a timestamp with a comma', () => {
    const base = { features: ['cpu_percent'], rows: 1 };
    assert.throws(
      () => formatDatasetCsv({ ...base, values: Float64Array.of(Infinity) }),
      InvalidInputError,
    );
    assert.throws(
      () =>
        formatDatasetCsv({
          ...base,
          values: Float64Array.of(1),
          timestamps: ['Dec 3, 2026'],
        }),
      InvalidInputError,
    );
  });
});
