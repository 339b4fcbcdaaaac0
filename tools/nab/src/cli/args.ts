import { parseArgs } from 'node:util';
import type { MemberName } from '@hostwatch/detectors';
import { UsageError } from '../errors.js';

export const USAGE = `Usage: npm run nab -- <nab-root> <out-dir> [options]

Runs the streaming detectors over every file of a Numenta Anomaly Benchmark
corpus (<nab-root>/data/<category>/<file>.csv with combined_windows.json or
labels/combined_windows.json), writes their scores in the benchmark's
layout under <out-dir>, scores them by the benchmark's rules and prints
the three profile scores per detector beside the published table.

Options:
  --detectors <a,b>  detectors to run and report (default: every
                     unsupervised one available)
  --ensemble <a,b>   members the ensemble averages (default:
                     local_outlier_factor,pca_reconstruction,
                     one_class_svm)
  --json             print the scores as JSON instead of a table
  -h, --help         show this help`;

export interface CliArgs {
  readonly root: string;
  readonly out: string;
  readonly detectors: readonly MemberName[] | undefined;
  readonly ensemble: readonly MemberName[] | undefined;
  readonly json: boolean;
}

/** The parsed command line, or undefined when help was asked for. */
export function parseCliArgs(argv: readonly string[]): CliArgs | undefined {
  const { values, positionals } = parseOrThrow(argv);
  if (values.help) return undefined;
  if (positionals.length !== 2) {
    throw new UsageError(
      `got ${positionals.length} arguments: expected <nab-root> <out-dir>`,
    );
  }
  return {
    root: positionals[0],
    out: positionals[1],
    detectors: nameList(values.detectors),
    ensemble: nameList(values.ensemble),
    json: values.json,
  };
}

/** A comma-separated list of detector names; the options check them. */
function nameList(text: string | undefined): MemberName[] | undefined {
  return text?.split(',').map((name) => name.trim() as MemberName);
}

function parseOrThrow(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        detectors: { type: 'string' },
        ensemble: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
