import type {
  AnomalyEvent,
  DriftEvent,
  FeatureDeviation,
} from '@hostwatch/transport';
import type { Alert, AlertStatus } from './alert.js';
import { featureValueText } from './feature-units.js';

/** The cooldown's verdict on one event. */
export interface AlertDecision {
  readonly status: AlertStatus;
  readonly folded: number;
  /** When the alerter handled the event, ms since the epoch. */
  readonly at: number;
}

/**
 * An anomaly alert: host, time, ensemble score and votes, and the top
 * features with values, e.g. `cpu_temp 91 °C, z = 6.2`.
 */
export function anomalyAlert(
  event: AnomalyEvent,
  decision: AlertDecision,
): Alert {
  const when = new Date(event.timestamp).toISOString();
  const votes = `${event.votes}/${event.members} detectors`;
  const by =
    event.flagged_by.length > 0 ? ` (${event.flagged_by.join(', ')})` : '';
  const top = event.explanation.slice(0, 3).map(deviationText).join('; ');
  const lines = [
    `${event.host} at ${when}: ensemble score ${event.score.toFixed(3)}, ` +
      `${votes} flagged it${by}.`,
    top === '' ? 'No feature explanation.' : `Top features: ${top}.`,
  ];
  return alertOf('anomaly', event, decision, `Anomaly on ${event.host}`, lines);
}

/** A drift alert: the model's view of the host has shifted; retrain. */
export function driftAlert(event: DriftEvent, decision: AlertDecision): Alert {
  const when = new Date(event.timestamp).toISOString();
  const lines = [
    `${event.host} at ${when}: the distribution the models see has shifted ` +
      `${event.direction} (Page-Hinkley ${event.statistic.toFixed(2)} > ` +
      `${event.threshold}).`,
    'Consider retraining the models on recent data of this host.',
  ];
  return alertOf(
    'drift',
    event,
    decision,
    `Model drift on ${event.host}`,
    lines,
  );
}

function deviationText(deviation: FeatureDeviation): string {
  const value = featureValueText(deviation.feature, deviation.value);
  return `${deviation.feature} ${value}, z = ${deviation.z.toFixed(1)}`;
}

function alertOf(
  kind: Alert['kind'],
  event: AnomalyEvent | DriftEvent,
  decision: AlertDecision,
  title: string,
  lines: string[],
): Alert {
  if (decision.folded > 0) {
    lines.push(`${decision.folded} more folded in during the cooldown.`);
  }
  return {
    v: 1,
    kind,
    host: event.host,
    seq: event.seq,
    timestamp: new Date(event.timestamp).toISOString(),
    alerted_at: new Date(decision.at).toISOString(),
    status: decision.status,
    folded: decision.folded,
    title,
    message: lines.join(' '),
    event,
  };
}
