import { alertSignal, readAlertRules } from '../prometheus/alert-rules.js';
import {
  dashboardQueries,
  readDashboards,
  substituteVariables,
} from '../grafana/dashboards.js';
import type { PrometheusServer } from './prometheus-server.js';

/** A query the stack must answer with data, and where it comes from. */
export interface CheckedQuery {
  readonly where: string;
  readonly expr: string;
}

/**
 * Grafana's built-in intervals as it would fill them for this test's 1 s
 * scrapes: `$__rate_interval` spans at least four scrapes; `$__range` is
 * the last few minutes the test ran.
 */
export const BUILT_INS = {
  __rate_interval: '15s',
  __range: '5m',
  __interval: '1s',
};

/** `(a|b)`: a multi-value variable set to All, as Grafana sends it. */
export const alternation = (values: readonly string[]): string =>
  `(${values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;

/**
 * Every dashboard expression with its variables filled in, and the signal
 * of every alert rule (the expression without its thresholds).
 */
export async function checkedQueries(
  variables: Readonly<Record<string, string>>,
): Promise<CheckedQuery[]> {
  const values = { ...BUILT_INS, ...variables };
  const queries: CheckedQuery[] = [];
  for (const dashboard of await readDashboards()) {
    for (const query of dashboardQueries(dashboard)) {
      queries.push({
        where: query.where,
        expr: substituteVariables(query.expr, values),
      });
    }
  }
  for (const rule of await readAlertRules()) {
    queries.push({
      where: `alert ${rule.alert}`,
      expr: alertSignal(rule.expr),
    });
  }
  return queries;
}

/** The queries that return no series now. */
export async function queriesWithoutData(
  prometheus: PrometheusServer,
  queries: readonly CheckedQuery[],
): Promise<CheckedQuery[]> {
  const empty: CheckedQuery[] = [];
  for (const query of queries) {
    const result = await prometheus.query(query.expr);
    if (result.length === 0) empty.push(query);
  }
  return empty;
}
