import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promtool } from '../prometheus/promtool.js';
import { readAlertRules } from '../prometheus/alert-rules.js';
import {
  LIVE_HOST,
  REPLAY_HOST,
  startHostwatchStack,
  type HostwatchStack,
} from './hostwatch-stack.js';
import type { ActiveAlert } from './prometheus-server.js';
import {
  alternation,
  checkedQueries,
  queriesWithoutData,
  type CheckedQuery,
} from './query-set.js';

/** How long the services get to produce every series the queries read. */
const DATA_TIMEOUT_MS = 180_000;
const POLL_MS = 2_000;

describe(
  'the services scraped by a real Prometheus',
  { timeout: 300_000 },
  () => {
    let dir = '';
    let stack: HostwatchStack | undefined;

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'hostwatch-stack-'));
      stack = await startHostwatchStack(dir);
    });

    after(async () => {
      await stack?.stop();
      await rm(dir, { recursive: true, force: true });
    });

    const running = (): HostwatchStack => {
      if (stack === undefined) throw new Error('the stack did not start');
      return stack;
    };

    it(
      'answers every dashboard panel, annotation, variable ' +
        'and alert signal with data',
      async (t) => {
        const s = running();
        const started = Date.now();
        let invalidSent = false;
        let queries: CheckedQuery[] = [];
        let missing: CheckedQuery[] = [];
        while (Date.now() - started < DATA_TIMEOUT_MS) {
          invalidSent ||= await sendInvalidWhenUp(s);
          queries = await checkedQueries(await variableValues(s));
          missing = await queriesWithoutData(s.prometheus, queries);
          if (missing.length === 0) break;
          assertAllRunning(s);
          await sleep(POLL_MS);
        }
        t.diagnostic(
          `${queries.length - missing.length} of ${queries.length} ` +
            'expressions returned data after ' +
            `${Math.round((Date.now() - started) / 1000)} s`,
        );
        assert.deepEqual(missing.map(describeQuery), [], servicesOutput(s));
      },
    );

    it('exports metric names that pass promtool check metrics', async () => {
      for (const service of running().services) {
        const text = await (await fetch(service.metricsUrl)).text();
        const result = await promtool(['check', 'metrics'], text);
        const problems = lintProblems(result.output);
        assert.deepEqual(problems, [], `${service.name}: ${result.output}`);
        // promtool also fails on the left-out lines, and only on them.
        if (result.code !== 0) assert.match(result.output, DEFAULT_PROBLEM);
      }
    });

    it('raises the alerts the replay and the invalid messages provoke', async () => {
      const expected = [
        'HostAnomalyRateHigh',
        'HostDriftDetected',
        'DeadLettersIncreasing',
      ];
      const alerts = await waitForAlerts(running(), expected, 30_000);
      const anomaly = alerts.find(
        (a) => a.labels.alertname === 'HostAnomalyRateHigh',
      );
      assert.equal(anomaly?.labels.host, REPLAY_HOST);
      assert.match(
        anomaly?.annotations.description ?? '',
        /flagged \d+\.\d samples a minute on replay-01/,
      );
      const dead = alerts.filter(
        (a) => a.labels.alertname === 'DeadLettersIncreasing',
      );
      assert.deepEqual(dead.map((a) => a.labels.job).sort(), [
        'alerter',
        'logger',
        'scorer',
      ]);
    });

    it('reports a stopped service as down', async () => {
      const s = running();
      await s.service('logger').stop();
      const alerts = await waitForAlerts(s, ['HostwatchServiceDown'], 20_000);
      const down = alerts.filter(
        (a) => a.labels.alertname === 'HostwatchServiceDown',
      );
      assert.deepEqual(
        down.map((a) => a.labels.job),
        ['logger'],
      );
    });
  },
);

/** Sends the invalid messages once every service is scraped. */
async function sendInvalidWhenUp(stack: HostwatchStack): Promise<boolean> {
  const up = await stack.prometheus.query('up == 1');
  if (up.length < stack.services.length) return false;
  await stack.sendInvalidMessages();
  return true;
}

/** The dashboards' variables set to All, from the series there are now. */
async function variableValues(
  stack: HostwatchStack,
): Promise<Record<string, string>> {
  const detectors = await stack.prometheus.query(
    'group by (detector) (scorer_detector_threshold)',
  );
  const names = detectors.map((d) => d.metric.detector);
  return {
    host: alternation([REPLAY_HOST, LIVE_HOST]),
    detector: alternation(names.length > 0 ? names : ['none']),
  };
}

function assertAllRunning(stack: HostwatchStack): void {
  for (const service of stack.services) {
    assert.equal(
      service.exitCode,
      null,
      `${service.name} exited:\n${service.output()}`,
    );
  }
}

async function waitForAlerts(
  stack: HostwatchStack,
  names: readonly string[],
  timeoutMs: number,
): Promise<ActiveAlert[]> {
  const rules = new Set((await readAlertRules()).map((r) => r.alert));
  for (const name of names) assert.ok(rules.has(name), `no rule ${name}`);
  const deadline = Date.now() + timeoutMs;
  let alerts: ActiveAlert[] = [];
  while (Date.now() < deadline) {
    alerts = await stack.prometheus.alerts();
    const active = new Set(alerts.map((a) => a.labels.alertname));
    if (names.every((n) => active.has(n))) return alerts;
    await sleep(500);
  }
  assert.fail(
    `alerts ${names.join(', ')} expected; active: ` +
      alerts.map((a) => `${a.labels.alertname} (${a.state})`).join(', '),
  );
}

/**
 * prom-client's default process metrics (the scorer collects them) name
 * three gauges `nodejs_active_*_total`, which promtool rejects: they are
 * the library's names, not this project's, and are left out.
 */
const DEFAULT_PROBLEM =
  /^\w+_nodejs_active_(handles|requests|resources)_total /m;

/** promtool's problem lines (`<metric> <problem>`), defaults left out. */
function lintProblems(output: string): string[] {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !DEFAULT_PROBLEM.test(line));
}

const describeQuery = (q: CheckedQuery): string => `${q.where}: ${q.expr}`;

function servicesOutput(stack: HostwatchStack): string {
  return stack.services.map((s) => `--- ${s.name}\n${s.output()}`).join('\n');
}
