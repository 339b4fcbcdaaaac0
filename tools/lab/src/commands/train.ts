import { trainModelSet } from '@hostwatch/detectors';
import type { Dataset, MemberName, ModelSet } from '@hostwatch/detectors';

import type { Command, CommandIo } from '../cli/command.js';
import { numberOption, parseOptions } from '../cli/parse-options.js';
import { LabError } from '../errors.js';
import { readDataset } from '../files/read-dataset.js';
import { modelName, saveModelSet } from '../models/model-files.js';
import { publishModelSet } from '../models/publish-model.js';

const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

const USAGE = `Usage: npm run lab -- train [options]

Fits every detector: the unsupervised ones on normal data, the supervised
ones (random_forest, xgboost, rl_agent) on labelled data, chooses each
detector's threshold on training data, and saves a versioned model set.

Options:
  --normal <csv>    normal operation only (default data/normal_training.csv)
  --labeled <csv>   labelled data for the supervised detectors
                    (default data/labeled_training.csv; "none" to skip them)
  --out <dir>       models folder (default data/models): the model is
                    saved as <dir>/fleet/default (or <dir>/host/<host>),
                    which npm start loads, and under <dir>/versions/
  --host <name>     save it as this host's own model set instead of the
                    fleet default
  --publish         also upload it to the scorers' NATS object store
                    (NATS_URL, NATS_USER, NATS_PASS; default
                    nats://127.0.0.1:4222); running scorers swap it in
  --seed <n>        seed for every seeded detector (default 0)
  -h, --help        this text`;

export const trainCommand: Command = {
  name: 'train',
  summary: 'fit every detector and save a versioned model set',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      normal: { type: 'string', default: 'data/normal_training.csv' },
      labeled: { type: 'string', default: 'data/labeled_training.csv' },
      out: { type: 'string', default: 'data/models' },
      seed: { type: 'string', default: '0' },
      host: { type: 'string' },
      publish: { type: 'boolean', default: false },
    });
    const name = modelName(values.host);
    const normal = await readDataset(values.normal);
    const labeled = await readLabeled(values.labeled, normal);
    io.err(
      `train: fitting on ${normal.rows} normal rows` +
        (labeled ? ` and ${labeled.rows} labelled rows` : ''),
    );
    const modelSet = trainModelSet({
      normal,
      labeled,
      seed: numberOption('seed', values.seed, 0, 2 ** 32 - 1),
    });
    const file = await saveModelSet(values.out, name, modelSet);
    printSummary(modelSet, io);
    io.out(`saved ${file} as ${name}`);
    if (values.publish) {
      const url = process.env.NATS_URL ?? DEFAULT_NATS_URL;
      await publishModelSet(
        {
          url,
          user: process.env.NATS_USER,
          pass: process.env.NATS_PASS,
          name,
        },
        modelSet,
      );
      io.out(`published to ${url} as ${name}`);
    }
    return 0;
  },
};

async function readLabeled(
  path: string,
  normal: Dataset,
): Promise<Dataset | undefined> {
  if (path === 'none') return undefined;
  const labeled = await readDataset(path, { requireLabel: true });
  const missing = normal.features.filter((f) => !labeled.features.includes(f));
  if (missing.length > 0) {
    throw new LabError(
      'COLUMNS_DIFFER',
      `${path} lacks ${missing.join(', ')}: expected the same feature ` +
        `columns as the normal data (${normal.features.join(', ')})`,
    );
  }
  return labeled;
}

function printSummary(modelSet: ModelSet, io: CommandIo): void {
  io.out(`model set ${modelSet.id}`);
  io.out(`  features: ${modelSet.features.join(', ')}`);
  if (modelSet.droppedFeatures.length > 0) {
    io.out(`  left out (no values): ${modelSet.droppedFeatures.join(', ')}`);
  }
  for (const member of modelSet.ensemble.members) {
    const ms = modelSet.trainMs[member.kind as MemberName] ?? 0;
    io.out(
      `  ${member.kind.padEnd(22)} threshold ${fmt(member.threshold)}` +
        `  trained in ${ms.toFixed(0)} ms`,
    );
  }
  for (const skipped of modelSet.skipped) {
    io.out(`  ${skipped.name.padEnd(22)} skipped: ${skipped.reason}`);
  }
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4);
}
