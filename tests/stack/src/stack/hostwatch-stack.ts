import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { connectNatsBus } from '@hostwatch/transport';
import {
  freePort,
  startNatsServer,
  type NatsServerHandle,
} from '@hostwatch/transport/testing';
import { RULE_FILES } from '../prometheus/alert-rules.js';
import { repoPath } from '../repo-root.js';
import { fixturePath } from './fixtures.js';
import { startPrometheus, type PrometheusServer } from './prometheus-server.js';
import { startService, type ServiceProcess } from './service-process.js';

export const REPLAY_HOST = 'replay-01';
export const LIVE_HOST = 'live-01';
/** The host of the invalid messages sent to provoke dead letters. */
export const BAD_HOST = 'bad-01';

export interface HostwatchStack {
  readonly nats: NatsServerHandle;
  readonly prometheus: PrometheusServer;
  readonly services: readonly ServiceProcess[];
  service(name: string): ServiceProcess;
  /** Publishes one invalid message to each consuming service. */
  sendInvalidMessages(): Promise<void>;
  stop(): Promise<void>;
}

interface Credentials {
  readonly user: string;
  readonly pass: string;
}

/**
 * The compose stack on this machine: NATS with credentials and the
 * partition mapping of deploy/nats/nats.conf, a collector replaying the
 * labelled test fixture fast (anomalies within seconds), a collector
 * sampling this machine (per-core usage, load, I/O, jitter), a scorer
 * learning online after a short warm-up, the alerter and the logger, and
 * Prometheus scraping them all and evaluating the alert rules.
 */
export async function startHostwatchStack(
  dataDir: string,
): Promise<HostwatchStack> {
  const credentials = {
    user: 'hostwatch',
    pass: randomBytes(12).toString('hex'),
  };
  const nats = await startNatsServer({ config: await natsConfig(credentials) });
  const services: ServiceProcess[] = [];
  try {
    for (const spec of await serviceSpecs(nats.url, credentials, dataDir)) {
      services.push(startService(spec));
    }
    const prometheus = await startPrometheus({
      jobs: scrapeJobs(services),
      ruleFiles: RULE_FILES.map((file) => repoPath(file)),
    });
    return assemble(nats, prometheus, services, credentials);
  } catch (error) {
    await Promise.all(services.map((s) => s.stop()));
    await nats.stop();
    throw error;
  }
}

async function natsConfig({ user, pass }: Credentials): Promise<string> {
  const conf = await readFile(repoPath('deploy/nats/nats.conf'), 'utf8');
  const mapping = /^mappings\s*=.*$/m.exec(conf);
  if (mapping === null)
    throw new Error('deploy/nats/nats.conf has no mappings line');
  return `authorization { user: "${user}", password: "${pass}" }\n${mapping[0]}`;
}

type Spec = Parameters<typeof startService>[0];

async function serviceSpecs(
  natsUrl: string,
  { user, pass }: Credentials,
  dataDir: string,
): Promise<Spec[]> {
  const spec = async (
    service: string,
    name: string,
    env: Record<string, string>,
  ): Promise<Spec> => {
    const metricsPort = await freePort();
    const common = {
      NATS_URL: natsUrl,
      NATS_USER: user,
      NATS_PASS: pass,
      LOG_LEVEL: 'warn',
      METRICS_HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
    };
    return { service, name, metricsPort, env: { ...common, ...env } };
  };
  return [
    await spec('collector', 'collector-replay', {
      COLLECTOR_HOST: REPLAY_HOST,
      COLLECTOR_REPLAY_FILE: fixturePath('labeled_test.csv'),
      COLLECTOR_REPLAY_SPEED: '25',
      COLLECTOR_REPLAY_LOOP: 'true',
    }),
    await spec('collector', 'collector-live', {
      COLLECTOR_HOST: LIVE_HOST,
      COLLECTOR_INTERVAL: '250ms',
      COLLECTOR_NVIDIA_SMI: 'off',
    }),
    await spec('scorer', 'scorer', {
      SCORER_PARTITIONS: '8',
      SCORER_WARMUP: '1s',
      SCORER_DRIFT_THRESHOLD: '2',
    }),
    await spec('alerter', 'alerter', {
      ALERTS_FILE: `${dataDir}/alerts.jsonl`,
      ALERT_DESKTOP: 'off',
    }),
    await spec('logger', 'logger', {
      PERFORMANCE_LOG_FILE: `${dataDir}/performance_log.csv`,
    }),
  ];
}

function scrapeJobs(services: readonly ServiceProcess[]) {
  const jobs = new Map<string, string[]>();
  for (const service of services) {
    const job = service.name.split('-')[0];
    const target = new URL(service.metricsUrl).host;
    jobs.set(job, [...(jobs.get(job) ?? []), target]);
  }
  return [...jobs].map(([job, targets]) => ({ job, targets }));
}

function assemble(
  nats: NatsServerHandle,
  prometheus: PrometheusServer,
  services: ServiceProcess[],
  credentials: Credentials,
): HostwatchStack {
  return {
    nats,
    prometheus,
    services,
    service: (name) => {
      const found = services.find((s) => s.name === name);
      if (found === undefined) throw new Error(`no service ${name}`);
      return found;
    },
    sendInvalidMessages: () => sendInvalidMessages(nats.url, credentials),
    stop: async () => {
      await prometheus.stop();
      await Promise.all(services.map((s) => s.stop()));
      await nats.stop();
    },
  };
}

/** A message of each kind with its required fields missing. */
async function sendInvalidMessages(
  url: string,
  { user, pass }: Credentials,
): Promise<void> {
  const bus = await connectNatsBus({ url, user, pass, name: 'stack-test' });
  try {
    for (const root of ['metrics', 'scores', 'anomalies']) {
      await bus.publish(`${root}.${BAD_HOST}`, { v: 1, host: BAD_HOST });
    }
  } finally {
    await bus.drain();
  }
}
