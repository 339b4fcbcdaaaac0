import { join } from 'node:path';

import type { Command } from '../cli/command.js';
import { parseOptions } from '../cli/parse-options.js';
import { LabError } from '../errors.js';
import { readDataset } from '../files/read-dataset.js';
import { writeFileAtomic } from '../files/write-atomic.js';
import { loadModelSet, modelName } from '../models/model-files.js';
import { renderComparisonPlot } from '../report/comparison-plot.js';
import { evaluateModelSet } from '../report/evaluate.js';
import { formatResultsCsv, formatResultsTable } from '../report/results-csv.js';

const USAGE = `Usage: npm run lab -- compare [options]

Scores a labelled test set with every detector and the ensemble, one
sample at a time, and writes comparison_results.csv (detector, f1,
roc_auc, precision, recall, latency_ms) and comparison_plots.png.

Options:
  --models <path>   a models folder or a model file (default data/models)
  --host <name>     in a models folder, this host's model set instead of
                    the fleet default
  --test <csv>      labelled test data (default data/labeled_test.csv)
  --out <dir>       where the two files go (default data)
  -h, --help        this text`;

export const compareCommand: Command = {
  name: 'compare',
  summary: 'benchmark every detector on labelled test data, with plots',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      models: { type: 'string', default: 'data/models' },
      test: { type: 'string', default: 'data/labeled_test.csv' },
      out: { type: 'string', default: 'data' },
      host: { type: 'string' },
    });
    const name = modelName(values.host);
    const modelSet = await loadModelSet(values.models, name);
    const test = await readDataset(values.test, { requireLabel: true });
    const labels = test.labels!;
    checkColumns(test.features, modelSet.features, values.test);
    checkBothClasses(labels, values.test);
    io.err(`compare: scoring ${test.rows} rows with ${modelSet.id}`);
    const rows = evaluateModelSet(modelSet, { ...test, labels });
    const png = await renderComparisonPlot(rows);
    await writeFileAtomic(
      join(values.out, 'comparison_results.csv'),
      formatResultsCsv(rows),
    );
    await writeFileAtomic(join(values.out, 'comparison_plots.png'), png);
    io.out(formatResultsTable(rows));
    io.out(
      `wrote ${join(values.out, 'comparison_results.csv')} and ` +
        `${join(values.out, 'comparison_plots.png')}`,
    );
    return 0;
  },
};

function checkColumns(
  columns: readonly string[],
  modelFeatures: readonly string[],
  source: string,
): void {
  const missing = modelFeatures.filter((f) => !columns.includes(f));
  if (missing.length > 0) {
    throw new LabError(
      'COLUMNS_DIFFER',
      `${source} lacks ${missing.join(', ')}: the model was trained on ` +
        `${modelFeatures.join(', ')}`,
    );
  }
}

function checkBothClasses(labels: Uint8Array, source: string): void {
  const anomalies = labels.reduce((sum, label) => sum + label, 0);
  if (anomalies === 0 || anomalies === labels.length) {
    throw new LabError(
      'ONE_CLASS',
      `${source} holds only ${anomalies === 0 ? 'normal' : 'anomalous'} ` +
        'rows: expected both labels to measure detection',
    );
  }
}
