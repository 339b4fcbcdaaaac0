import type {
  AnomalyEvent,
  DriftEvent,
  ScoreResult,
} from '@hostwatch/transport';
import type { ScoreOutcome } from './score-outcome.js';

/** The `anomalies.<host>` event, or null unless the ensemble flagged it. */
export function buildAnomalyEvent(
  outcome: ScoreOutcome,
  result: ScoreResult,
): AnomalyEvent | null {
  if (result.ensemble.flag !== true || result.ensemble.score === null) {
    return null;
  }
  const flaggedBy = Object.entries(result.detectors)
    .filter(([, verdict]) => verdict.flag === true)
    .map(([name]) => name);
  return {
    v: 1,
    host: result.host,
    seq: result.seq,
    timestamp: result.timestamp,
    score: result.ensemble.score,
    votes: result.ensemble.votes,
    members: result.ensemble.members,
    flagged_by: flaggedBy,
    explanation: result.explanation,
    features: outcome.sample.features,
  };
}

/** The `drift.<host>` event, or null unless Page-Hinkley alarmed. */
export function buildDriftEvent(outcome: ScoreOutcome): DriftEvent | null {
  const { drift, sample } = outcome;
  if (!drift.flag || drift.direction === null) return null;
  return {
    v: 1,
    host: sample.host,
    seq: sample.seq,
    timestamp: sample.timestamp,
    statistic: drift.statistic,
    direction: drift.direction,
    threshold: drift.threshold,
  };
}
