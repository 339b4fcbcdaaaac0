import type { ModelSetResult } from '@hostwatch/detectors';
import type {
  DetectorVerdict,
  EnsembleVerdict,
  FeatureDeviation,
  ScoreResult,
} from '@hostwatch/transport';
import type { ScoreOutcome } from './score-outcome.js';

const WARMING_ENSEMBLE: EnsembleVerdict = Object.freeze({
  score: null,
  flag: null,
  time_us: 0,
  votes: 0,
  members: 0,
});

const WARMING_VERDICT: DetectorVerdict = Object.freeze({
  score: null,
  flag: null,
  time_us: 0,
});

/**
 * The `scores.<host>` message for one sample. Copies out of the host's
 * reused result buffer, so the message stays valid after the next sample.
 */
export function buildScoreResult(
  outcome: ScoreOutcome,
  scoredAt: number,
): ScoreResult {
  const { sample, verdicts } = outcome;
  return {
    v: 1,
    host: sample.host,
    seq: sample.seq,
    timestamp: sample.timestamp,
    scored_at: scoredAt,
    status: verdicts === null ? 'warming_up' : 'scored',
    model_version: outcome.modelVersion,
    features: sample.features,
    imputed: verdicts === null ? [] : [...verdicts.imputed],
    jitter_ms: sample.jitter_ms,
    detectors: detectorVerdicts(outcome),
    ensemble: verdicts === null ? WARMING_ENSEMBLE : copyEnsemble(verdicts),
    explanation: verdicts === null ? [] : copyExplanation(verdicts),
    drift: { statistic: outcome.drift.statistic, flag: outcome.drift.flag },
    latency_ms: scoredAt - sample.timestamp,
    ...(sample.label === undefined ? {} : { label: sample.label }),
  };
}

/**
 * A duration to whole nanoseconds: the clock's last digits are noise and
 * cost bytes and float printing in every result (~60 bytes of ~1,250).
 */
export function roundMicros(us: number): number {
  return Math.round(us * 1000) / 1000;
}

function copyEnsemble(verdicts: ModelSetResult): EnsembleVerdict {
  const e = verdicts.ensemble;
  return {
    score: e.score,
    flag: e.flag,
    time_us: roundMicros(e.time_us),
    votes: e.votes,
    members: e.members,
  };
}

function detectorVerdicts(
  outcome: ScoreOutcome,
): Record<string, DetectorVerdict> {
  const out: Record<string, DetectorVerdict> = {};
  if (outcome.verdicts === null) {
    for (const name of outcome.pendingDetectors) out[name] = WARMING_VERDICT;
    return out;
  }
  for (const [name, verdict] of Object.entries(outcome.verdicts.detectors)) {
    out[name] = {
      score: verdict.score,
      flag: verdict.flag,
      time_us: roundMicros(verdict.time_us),
    };
  }
  return out;
}

/** The explanation's raw values and z-scores, as the alerts show them. */
export function copyExplanation(verdicts: ModelSetResult): FeatureDeviation[] {
  return verdicts.explanation.map(({ feature, value, z }) => ({
    feature,
    value,
    z,
  }));
}
