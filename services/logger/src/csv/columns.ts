import { DETECTOR_NAMES, FEATURE_ORDER } from '@hostwatch/detectors';
import type { DetectorVerdict, ScoreResult } from '@hostwatch/transport';

/** The seven ensemble members, in report order (ensemble excluded). */
export const MEMBER_DETECTORS = DETECTOR_NAMES.filter(
  (name) => name !== 'ensemble',
);

/**
 * The columns of `performance_log.csv`. The header is fixed, so files from
 * different hosts and model sets concatenate:
 *
 * - `timestamp` the sample's time, ISO 8601 UTC; `host`; `seq` the per-host
 *   sequence; `status` `scored` or `warming_up`; `model_version`.
 * - the seven seed features (FEATURE_ORDER); a missing sensor is empty.
 * - per member detector `<name>_pred` (1 anomaly, 0 normal), `<name>_score`
 *   and `<name>_time_us` (scoring time, microseconds); empty when the
 *   detector did not score the sample (warm-up, not in the model set).
 * - `ensemble_pred`, `ensemble_score`, `ensemble_votes` (members that
 *   flagged), `ensemble_time_us`.
 * - `jitter_ms` sampling jitter; `latency_ms` from sample to result.
 * - `drift_statistic` (Page-Hinkley), `drift_flag` (1 on an alarm).
 * - `top_features` the three most deviating features, `;`-separated
 *   `name=value (z=score)`; `label` when a labelled CSV was replayed.
 */
export const CSV_COLUMNS: readonly string[] = [
  'timestamp',
  'host',
  'seq',
  'status',
  'model_version',
  ...FEATURE_ORDER,
  ...MEMBER_DETECTORS.flatMap((name) => [
    `${name}_pred`,
    `${name}_score`,
    `${name}_time_us`,
  ]),
  'ensemble_pred',
  'ensemble_score',
  'ensemble_votes',
  'ensemble_time_us',
  'jitter_ms',
  'latency_ms',
  'drift_statistic',
  'drift_flag',
  'top_features',
  'label',
];

/** The cells of one result's row, in CSV_COLUMNS order, unquoted. */
export function csvCells(result: ScoreResult): string[] {
  return [
    new Date(result.timestamp).toISOString(),
    result.host,
    String(result.seq),
    result.status,
    result.model_version ?? '',
    ...FEATURE_ORDER.map((name) => numberCell(result.features[name])),
    ...MEMBER_DETECTORS.flatMap((name) => verdictCells(result.detectors[name])),
    ...verdictCells(result.ensemble).slice(0, 2),
    numberCell(result.ensemble.votes),
    numberCell(result.ensemble.time_us),
    numberCell(result.jitter_ms),
    numberCell(result.latency_ms),
    numberCell(result.drift.statistic),
    result.drift.flag ? '1' : '0',
    topFeaturesCell(result),
    result.label === undefined ? '' : String(result.label),
  ];
}

function verdictCells(verdict: DetectorVerdict | undefined): string[] {
  if (verdict === undefined) return ['', '', ''];
  const pred = verdict.flag === null ? '' : verdict.flag ? '1' : '0';
  return [pred, numberCell(verdict.score), numberCell(verdict.time_us)];
}

function numberCell(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function topFeaturesCell(result: ScoreResult): string {
  return result.explanation
    .map((d) => `${d.feature}=${d.value} (z=${d.z.toFixed(2)})`)
    .join(';');
}
