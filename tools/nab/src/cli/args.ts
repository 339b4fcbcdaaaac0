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
  --detectors <a,b>  ensemble members (default: every unsupervised one)
  --json             print the scores as JSON instead of a table
  -h, --help         show this help`;

export interface CliArgs {
  readonly root: string;
  readonly out: string;
  readonly detectors: readonly MemberName[] | undefined;
  readonly json: boolean;
}

/** The parsed command line, or undefined when help was asked for. */
export function parseCliArgs(argv: readonly string[]): CliArgs | undefined {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      detectors: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return undefined;
  if (positionals.length !== 2) {
    throw new UsageError(
      `got ${positionals.length} arguments: expected <nab-root> <out-dir>`,
    );
  }
  const detectors = values.detectors?.split(',').map((d) => d.trim());
  return {
    root: positionals[0],
    out: positionals[1],
    detectors: detectors as MemberName[] | undefined,
    json: values.json,
  };
}
