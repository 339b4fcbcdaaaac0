import { join } from 'node:path';

import { formatDatasetCsv } from '@hostwatch/detectors';
import type { Dataset } from '@hostwatch/detectors';

import type { Command } from '../cli/command.js';
import { numberOption, parseOptions } from '../cli/parse-options.js';
import { LabError } from '../errors.js';
import { readDataset } from '../files/read-dataset.js';
import { writeFileAtomic } from '../files/write-atomic.js';

const USAGE = `Usage: npm run lab -- split [options]

Splits labelled data into a training and a test file in time order: the
first rows train, the rest test. Rows are never shuffled across the split,
so the test set is the future of the training set.

Options:
  --input <csv>     labelled data (default data/labeled_raw.csv)
  --ratio <f>       fraction of rows for training (default 0.7)
  --out-dir <dir>   where labeled_training.csv and labeled_test.csv go
                    (default data)
  -h, --help        this text`;

export const splitCommand: Command = {
  name: 'split',
  summary: 'split labelled data into training and test files, in time order',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      input: { type: 'string', default: 'data/labeled_raw.csv' },
      ratio: { type: 'string', default: '0.7' },
      'out-dir': { type: 'string', default: 'data' },
    });
    const ratio = numberOption('ratio', values.ratio, 0.01, 0.99);
    const data = await readDataset(values.input, { requireLabel: true });
    const [training, test] = splitInTimeOrder(data, ratio, values.input);
    const outDir = values['out-dir'];
    await writeFileAtomic(
      join(outDir, 'labeled_training.csv'),
      formatDatasetCsv(training),
    );
    await writeFileAtomic(
      join(outDir, 'labeled_test.csv'),
      formatDatasetCsv(test),
    );
    io.out(
      `split ${data.rows} rows: ${training.rows} training, ${test.rows} test ` +
        `-> ${outDir}`,
    );
    return 0;
  },
};

/** The first `ratio` of the rows, and the rest. */
export function splitInTimeOrder(
  data: Dataset,
  ratio: number,
  source: string,
): [Dataset, Dataset] {
  const cut = Math.round(data.rows * ratio);
  if (cut < 1 || cut >= data.rows) {
    throw new LabError(
      'TOO_FEW_ROWS',
      `${source} has ${data.rows} rows: too few to split at ${ratio}`,
    );
  }
  return [sliceRows(data, 0, cut), sliceRows(data, cut, data.rows)];
}

function sliceRows(data: Dataset, start: number, end: number): Dataset {
  const width = data.features.length;
  return {
    features: data.features,
    rows: end - start,
    values: data.values.slice(start * width, end * width),
    labels: data.labels?.slice(start, end),
    timestamps: data.timestamps?.slice(start, end),
  };
}
