import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** What `sklearn_latency.py` prints per detector. */
export interface SklearnLatency {
  readonly single_ms_median: number;
  readonly batch_us_per_row: number;
}

const PYTHON = '/usr/bin/python3';

/**
 * Runs the scikit-learn / xgboost reference latency script side by side,
 * when Debian's python3 and the script are there; `undefined` otherwise
 * or when it fails (missing sklearn), with the reason.
 */
export function runSklearnLatency(sharedDir: string): {
  latency?: Record<string, SklearnLatency>;
  note: string;
} {
  const script = join(sharedDir, 'reference/sklearn_latency.py');
  if (!existsSync(PYTHON) || !existsSync(script)) {
    return { note: `skipped: needs ${PYTHON} and ${script}` };
  }
  const run = spawnSync(PYTHON, [script, join(sharedDir, 'fixtures')], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (run.status !== 0) {
    const why = run.stderr.trim().split('\n').pop() ?? `exit ${run.status}`;
    return { note: `failed: ${why}` };
  }
  return {
    latency: JSON.parse(run.stdout) as Record<string, SklearnLatency>,
    note: `ran ${script}`,
  };
}
