import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { readComposeFile } from '../compose/compose-file.js';
import { repoPath } from '../repo-root.js';
import {
  allPanels,
  dashboardQueries,
  readDashboards,
  substituteVariables,
} from './dashboards.js';

interface DatasourceFile {
  readonly datasources: readonly {
    readonly uid: string;
    readonly url: string;
  }[];
}

interface ProviderFile {
  readonly providers: readonly {
    readonly options: { readonly path: string };
  }[];
}

async function readYaml<T>(path: string): Promise<T> {
  return parse(await readFile(repoPath(path), 'utf8')) as T;
}

/** The views of the seed's desktop UI, by dashboard file. */
const VIEWS: Record<string, readonly string[]> = {
  'hostwatch-overview.json': [
    'CPU usage',
    'CPU frequency',
    'Memory',
    'Temperatures',
    'GPU load',
    'GPU memory',
    'GPU temperature',
    'Per-core usage',
  ],
  'hostwatch-models.json': [
    '$detector score and threshold',
    'Ensemble score',
    'Ensemble votes',
    'Anomalies',
    'Recent anomalies',
  ],
  'hostwatch-latency.json': [
    'Scoring time per detector, p50',
    'Scoring time per detector, p99',
    'End-to-end latency',
    'Sampling jitter',
  ],
  'hostwatch-fleet.json': [
    'Hosts ranked by anomaly rate',
    'Drift',
    'Scorer throughput',
  ],
};

describe('grafana provisioning', () => {
  it('points every panel, annotation and variable at the provisioned datasource', async () => {
    const { datasources } = await readYaml<DatasourceFile>(
      'grafana/provisioning/datasources/prometheus.yml',
    );
    assert.equal(datasources.length, 1);
    const uid = datasources[0].uid;
    assert.equal(datasources[0].url, 'http://prometheus:9090');
    for (const { file, dashboard } of await readDashboards()) {
      for (const panel of allPanels(dashboard.panels)) {
        assert.equal(panel.datasource?.uid, uid, `${file} ${panel.title}`);
        for (const target of panel.targets ?? []) {
          assert.equal(target.datasource?.uid, uid, `${file} ${panel.title}`);
        }
      }
      for (const variable of dashboard.templating?.list ?? []) {
        assert.equal(
          variable.datasource?.uid,
          uid,
          `${file} $${variable.name}`,
        );
      }
    }
  });

  it('loads the dashboards from where compose mounts them', async () => {
    const { providers } = await readYaml<ProviderFile>(
      'grafana/provisioning/dashboards/hostwatch.yml',
    );
    const { services } = await readComposeFile();
    const mounts = services.grafana.volumes ?? [];
    assert.ok(
      mounts.includes(`./grafana/dashboards:${providers[0].options.path}:ro`),
    );
    const home =
      services.grafana.environment?.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH ??
      '';
    const file = home.replace(providers[0].options.path, 'grafana/dashboards');
    assert.ok(existsSync(repoPath(file)), home);
  });
});

describe('dashboards', () => {
  it('have the views of the desktop UI, unique uids and a PromQL query per panel', async () => {
    const dashboards = await readDashboards();
    assert.deepEqual(
      dashboards.map((d) => d.file).sort(),
      Object.keys(VIEWS).sort(),
    );
    const uids = new Set(dashboards.map((d) => d.dashboard.uid));
    assert.equal(uids.size, dashboards.length);
    for (const { file, dashboard } of dashboards) {
      assert.ok(dashboard.schemaVersion >= 39, file);
      const titles = allPanels(dashboard.panels).map((p) => p.title);
      for (const view of VIEWS[file])
        assert.ok(titles.includes(view), `${file}: ${view}`);
      for (const panel of allPanels(dashboard.panels)) {
        const exprs = (panel.targets ?? []).filter(
          (t) => (t.expr ?? '') !== '',
        );
        assert.ok(exprs.length > 0, `${file} ${panel.title} has no query`);
      }
    }
  });

  it('choose the host with a variable where they show one host', async () => {
    for (const entry of await readDashboards()) {
      const vars = entry.dashboard.templating?.list ?? [];
      const perHost = dashboardQueries(entry).some((q) =>
        q.expr.includes('$host'),
      );
      if (!perHost) continue;
      const host = vars.find((v) => v.name === 'host');
      assert.ok(
        host !== undefined,
        `${entry.file} uses $host without defining it`,
      );
    }
  });

  it('use only variables the stack test substitutes', async () => {
    const values = {
      host: 'h',
      detector: 'd',
      __rate_interval: '1m',
      __range: '5m',
      __interval: '1s',
    };
    for (const entry of await readDashboards()) {
      for (const query of dashboardQueries(entry)) {
        assert.doesNotThrow(
          () => substituteVariables(query.expr, values),
          query.where,
        );
      }
    }
  });
});
