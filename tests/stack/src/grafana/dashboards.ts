import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoPath } from '../repo-root.js';

export const DASHBOARD_DIR = repoPath('grafana', 'dashboards');

export interface Target {
  readonly refId?: string;
  readonly expr?: string;
  readonly datasource?: { readonly uid?: string };
}

export interface Panel {
  readonly id?: number;
  readonly type: string;
  readonly title?: string;
  readonly datasource?: { readonly uid?: string };
  readonly targets?: readonly Target[];
  readonly panels?: readonly Panel[];
}

export interface Variable {
  readonly name: string;
  readonly type: string;
  readonly datasource?: { readonly uid?: string };
  readonly query?: string | { readonly query?: string };
}

export interface Dashboard {
  readonly uid: string;
  readonly title: string;
  readonly schemaVersion: number;
  readonly panels: readonly Panel[];
  readonly templating?: { readonly list: readonly Variable[] };
  readonly annotations?: {
    readonly list: readonly {
      readonly name: string;
      readonly expr?: string;
      readonly datasource?: { readonly uid?: string };
    }[];
  };
}

export interface DashboardFile {
  readonly file: string;
  readonly dashboard: Dashboard;
}

/** Every dashboard JSON of grafana/dashboards, parsed. */
export async function readDashboards(): Promise<DashboardFile[]> {
  const files = (await readdir(DASHBOARD_DIR)).filter((f) =>
    f.endsWith('.json'),
  );
  const out: DashboardFile[] = [];
  for (const file of files.sort()) {
    const text = await readFile(join(DASHBOARD_DIR, file), 'utf8');
    out.push({ file, dashboard: JSON.parse(text) as Dashboard });
  }
  return out;
}

/** Panels with their rows' nested panels, rows themselves excluded. */
export function allPanels(panels: readonly Panel[]): Panel[] {
  return panels.flatMap((panel) =>
    panel.type === 'row' ? allPanels(panel.panels ?? []) : [panel],
  );
}

/** A PromQL expression of a dashboard and where it is used. */
export interface DashboardQuery {
  readonly where: string;
  readonly expr: string;
}

/**
 * Every PromQL expression a dashboard sends: panel targets, annotation
 * queries and the series selectors of `label_values(selector, label)`
 * variables (the selector must match series carrying the label).
 */
export function dashboardQueries({
  file,
  dashboard,
}: DashboardFile): DashboardQuery[] {
  const queries: DashboardQuery[] = [];
  for (const panel of allPanels(dashboard.panels)) {
    for (const target of panel.targets ?? []) {
      if (target.expr === undefined) continue;
      const where = `${file} panel "${panel.title}" ${target.refId}`;
      queries.push({ where, expr: target.expr });
    }
  }
  for (const annotation of dashboard.annotations?.list ?? []) {
    if (annotation.expr === undefined) continue;
    queries.push({
      where: `${file} annotation "${annotation.name}"`,
      expr: annotation.expr,
    });
  }
  for (const variable of dashboard.templating?.list ?? []) {
    const selector = labelValuesSelector(variable);
    if (selector === null) continue;
    queries.push({
      where: `${file} variable $${variable.name}`,
      expr: selector,
    });
  }
  return queries;
}

function labelValuesSelector(variable: Variable): string | null {
  const query =
    typeof variable.query === 'string' ? variable.query : variable.query?.query;
  const match = /^label_values\((.+),\s*(\w+)\)$/.exec(query ?? '');
  return match === null ? null : match[1];
}

/**
 * Replaces Grafana's variables as Grafana would before sending a query:
 * `$name` and `${name}` from `values` (a multi-value variable already
 * formatted as a regex alternation), then the built-in intervals.
 */
export function substituteVariables(
  expr: string,
  values: Readonly<Record<string, string>>,
): string {
  return expr.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced, plain) => {
    const name = (braced ?? plain) as string;
    const value = values[name];
    if (value === undefined) {
      throw new Error(
        `${whole} in "${expr}" has no value: expected one of ${Object.keys(values).join(', ')}`,
      );
    }
    return value;
  });
}
