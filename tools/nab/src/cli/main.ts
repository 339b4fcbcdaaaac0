import { availableDetectors } from '@hostwatch/detectors';
import { loadCorpus } from '../corpus/load-corpus.js';
import { NabError } from '../errors.js';
import { SUBSET_AIM, SUBSET_BAR } from '../published-subset.js';
import { parseNabRunOptions } from '../runner/nab-run-options.js';
import { runCorpus } from '../runner/run-corpus.js';
import type { CorpusScores, FileDone } from '../runner/run-corpus.js';
import { ENSEMBLE } from '../runner/run-file.js';
import { USAGE, parseCliArgs } from './args.js';
import { reportTable } from './report-table.js';

async function main(argv: readonly string[]): Promise<void> {
  // `npm run nab` runs this in the workspace folder; the paths given are
  // meant relative to where the person typed the command.
  const invokedFrom = process.env.INIT_CWD;
  if (invokedFrom) process.chdir(invokedFrom);
  const args = parseCliArgs(argv);
  if (args === undefined) {
    console.log(USAGE);
    return;
  }
  const options = parseNabRunOptions(
    { detectors: args.detectors, ensemble: args.ensemble },
    availableDetectors(),
  );
  const files = await loadCorpus(args.root);
  console.error(
    `nab: ${files.length} files; ` +
      `detectors ${options.detectors.join(', ')}; ` +
      `ensemble of ${options.ensemble.join(', ')}`,
  );
  const scores = await runCorpus(files, options, args.out, reportProgress);
  console.log(
    args.json ? JSON.stringify(toJson(scores), null, 2) : summary(scores),
  );
}

function reportProgress(done: FileDone): void {
  console.error(
    `nab: [${done.index + 1}/${done.total}] ${done.key} ` +
      `${done.rows} rows ${done.seconds.toFixed(1)} s`,
  );
}

function summary(scores: CorpusScores): string {
  const ensemble = scores.get(ENSEMBLE)?.[0].normalised ?? Number.NaN;
  const verdict = (target: { name: string; standard: number }) =>
    `${ensemble > target.standard ? 'above' : 'below'} ` +
    `${target.name}'s ${target.standard.toFixed(2)}`;
  return [
    reportTable(scores),
    '',
    `ensemble standard ${ensemble.toFixed(2)}: ` +
      `bar ${verdict(SUBSET_BAR)}, aim ${verdict(SUBSET_AIM)}`,
  ].join('\n');
}

function toJson(scores: CorpusScores): Record<string, unknown> {
  return Object.fromEntries(scores);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof NabError) {
    console.error(`nab: ${err.message}`);
    if (err.code === 'USAGE') console.error(`\n${USAGE}`);
  } else {
    console.error(err);
  }
  process.exitCode = 1;
});
