import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stringify } from 'yaml';
import { freePort } from '@hostwatch/transport/testing';

/** `prometheus` from PATH (Debian's `prometheus` package). */
const PROMETHEUS = process.env.PROMETHEUS ?? 'prometheus';
const START_TIMEOUT_MS = 30_000;

export interface ScrapeJob {
  readonly job: string;
  /** `127.0.0.1:<port>` of each target. */
  readonly targets: readonly string[];
}

export interface PrometheusOptions {
  readonly jobs: readonly ScrapeJob[];
  /** Absolute paths of rule files to evaluate. */
  readonly ruleFiles: readonly string[];
  readonly scrapeInterval?: string;
}

/** One series of an instant query. */
export interface Sample {
  readonly metric: Readonly<Record<string, string>>;
  readonly value: readonly [number, string];
}

export interface ActiveAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly state: 'pending' | 'firing';
}

export interface PrometheusServer {
  readonly url: string;
  /** An instant query; rejects on a query Prometheus refuses. */
  query(expr: string): Promise<Sample[]>;
  /** Pending and firing alerts. */
  alerts(): Promise<ActiveAlert[]>;
  stop(): Promise<void>;
}

/**
 * A real Prometheus for tests: bound to 127.0.0.1 on a free port, its own
 * temp storage (removed on stop), scraping `jobs` and evaluating
 * `ruleFiles` every scrape interval (default 1 s).
 */
export async function startPrometheus(
  options: PrometheusOptions,
): Promise<PrometheusServer> {
  const dir = await mkdtemp(join(tmpdir(), 'hostwatch-prometheus-'));
  const port = await freePort();
  await writeFile(join(dir, 'prometheus.yml'), configText(options));
  const child = spawn(
    PROMETHEUS,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on(
    'data',
    (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)),
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(
      url,
      () => child.exitCode,
      () => log,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    query: (expr) => query(url, expr),
    alerts: () => alerts(url),
    stop,
  };
}

function configText(options: PrometheusOptions): string {
  const interval = options.scrapeInterval ?? '1s';
  return stringify({
    global: { scrape_interval: interval, evaluation_interval: interval },
    rule_files: options.ruleFiles,
    scrape_configs: options.jobs.map(({ job, targets }) => ({
      job_name: job,
      static_configs: [{ targets }],
    })),
  });
}

async function waitReady(
  url: string,
  exitCode: () => number | null,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode() !== null) {
      throw new Error(`prometheus exited with ${exitCode()}: ${log()}`);
    }
    const ok = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(100);
  }
  throw new Error(
    `prometheus not ready after ${START_TIMEOUT_MS} ms: ${log()}`,
  );
}

interface ApiResponse<T> {
  readonly status: 'success' | 'error';
  readonly data: T;
  readonly error?: string;
}

async function api<T>(url: string): Promise<T> {
  const response = await fetch(url);
  const body = (await response.json()) as ApiResponse<T>;
  if (body.status !== 'success') {
    throw new Error(
      `prometheus refused ${url}: ${body.error ?? response.status}`,
    );
  }
  return body.data;
}

async function query(base: string, expr: string): Promise<Sample[]> {
  const url = `${base}/api/v1/query?query=${encodeURIComponent(expr)}`;
  const data = await api<{
    resultType: string;
    result: Sample[] | Sample['value'];
  }>(url);
  if (data.resultType === 'scalar') {
    return [{ metric: {}, value: data.result as Sample['value'] }];
  }
  return data.result as Sample[];
}

async function alerts(base: string): Promise<ActiveAlert[]> {
  const data = await api<{ alerts: ActiveAlert[] }>(`${base}/api/v1/alerts`);
  return data.alerts;
}
