import { parseArgs } from 'node:util';
import { MEMBER_NAMES } from '@hostwatch/detectors';
import type { MemberName } from '@hostwatch/detectors';

/** What the throughput bench runs; every figure has a flag. */
export interface BenchArgs {
  readonly json: boolean;
  /** Hosts replayed at once in the throughput runs. */
  readonly hosts: number;
  /**
   * Samples per host in the throughput runs: 100 (100,000 samples, ~10 s)
   * measures the sustained rate; at 30 the run's first seconds (each
   * host's binding, code still being optimised) weighed ~20 % on it.
   */
  readonly samplesPerHost: number;
  /** Paced rate of the latency run, samples/s. */
  readonly rate: number;
  readonly latencySeconds: number;
  /** Hosts fitted online for the memory figure. */
  readonly onlineHosts: number;
  /** Members of the fleet model scored in every run. */
  readonly detectors: readonly MemberName[];
}

/**
 * The fleet model's default members: every detector but the RL agent,
 * whose training alone takes ~20 s here (it scores in a few µs).
 */
export const DEFAULT_BENCH_DETECTORS: readonly MemberName[] = [
  'isolation_forest',
  'one_class_svm',
  'local_outlier_factor',
  'pca_reconstruction',
  'random_forest',
  'xgboost',
];

/** The options both scorer benches read, after a line on what `command` does. */
export const benchUsage = (
  command: string,
  does: string,
) => `${command} -- [options]

${does}

  --json                  end with one JSON line:
                          {"samples_per_s","p50_ms","p99_ms","bytes_per_host"}
  --hosts N               hosts replayed in the throughput runs (1000)
  --samples-per-host N    samples each in the throughput runs (100)
  --rate N                samples/s of the paced latency run (1000)
  --latency-seconds N     length of the paced run (10)
  --online-hosts N        hosts fitted online for the memory figure (500)
  --detectors a,b,...     members of the fleet model
                          (${DEFAULT_BENCH_DETECTORS.join(',')})
  --help                  this text
`;

/** The parsed arguments, or null when `--help` asked for the usage. */
export function readBenchArgs(argv: readonly string[]): BenchArgs | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      help: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      hosts: { type: 'string', default: '1000' },
      'samples-per-host': { type: 'string', default: '100' },
      rate: { type: 'string', default: '1000' },
      'latency-seconds': { type: 'string', default: '10' },
      'online-hosts': { type: 'string', default: '500' },
      detectors: { type: 'string', default: DEFAULT_BENCH_DETECTORS.join(',') },
    },
  });
  if (values.help) return null;
  return {
    json: values.json,
    hosts: positive('hosts', values.hosts),
    samplesPerHost: positive('samples-per-host', values['samples-per-host']),
    rate: positive('rate', values.rate),
    latencySeconds: positive('latency-seconds', values['latency-seconds']),
    onlineHosts: positive('online-hosts', values['online-hosts']),
    detectors: values.detectors.split(',').map(memberName),
  };
}

function memberName(text: string): MemberName {
  const name = MEMBER_NAMES.find((member) => member === text);
  if (name === undefined) {
    throw new Error(
      `--detectors: "${text}" is not a detector: expected some of ` +
        MEMBER_NAMES.join(', '),
    );
  }
  return name;
}

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${name} ${text}: expected an integer >= 1`);
  }
  return value;
}
