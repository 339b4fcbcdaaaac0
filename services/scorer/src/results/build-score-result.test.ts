import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ModelSetResult } from '@hostwatch/detectors';
import type { MetricSample } from '@hostwatch/transport';
import { buildAnomalyEvent, buildDriftEvent } from './build-events.js';
import { buildScoreResult } from './build-score-result.js';
import type { ScoreOutcome } from './score-outcome.js';

const SAMPLE: MetricSample = {
  v: 1,
  host: 'web-1',
  seq: 7,
  timestamp: 1_000,
  features: { cpu_percent: 97, cpu_temp: null },
  jitter_ms: 3,
  label: 1,
};

function verdicts(flag: boolean): ModelSetResult {
  return {
    detectors: {
      isolation_forest: { score: 0.7, flag, time_us: 12 },
      random_forest: { score: 0.2, flag: false, time_us: 8 },
    },
    ensemble: {
      score: 0.9,
      flag,
      votes: flag ? 1 : 0,
      members: 2,
      time_us: 25,
    },
    imputed: ['cpu_temp'],
    explanation: [{ feature: 'cpu_percent', value: 97, z: 4.5 }],
  };
}

const drift = (flag: boolean) => ({
  statistic: flag ? 12 : 1.5,
  flag,
  direction: flag ? ('up' as const) : null,
  threshold: 10,
});

describe('buildScoreResult', () => {
  it('copies every verdict, the explanation and the latency', () => {
    const outcome: ScoreOutcome = {
      sample: SAMPLE,
      modelVersion: 'm1',
      verdicts: verdicts(true),
      pendingDetectors: [],
      drift: drift(false),
    };
    const result = buildScoreResult(outcome, 1_250);

    assert.equal(result.status, 'scored');
    assert.equal(result.latency_ms, 250);
    assert.equal(result.label, 1);
    assert.deepEqual(result.detectors.isolation_forest, {
      score: 0.7,
      flag: true,
      time_us: 12,
    });
    assert.deepEqual(result.ensemble, {
      score: 0.9,
      flag: true,
      votes: 1,
      members: 2,
      time_us: 25,
    });
    assert.deepEqual(result.imputed, ['cpu_temp']);
    assert.deepEqual(result.explanation, [
      { feature: 'cpu_percent', value: 97, z: 4.5 },
    ]);
    assert.deepEqual(result.drift, { statistic: 1.5, flag: false });
  });

  it('is not changed when the reused result buffer is refilled', () => {
    const buffer = verdicts(true);
    const result = buildScoreResult(
      {
        sample: SAMPLE,
        modelVersion: 'm1',
        verdicts: buffer,
        pendingDetectors: [],
        drift: drift(false),
      },
      2_000,
    );
    (buffer.detectors.isolation_forest as { score: number }).score = 0;
    buffer.explanation[0].z = 0;
    assert.equal(result.detectors.isolation_forest.score, 0.7);
    assert.equal(result.explanation[0].z, 4.5);
  });

  it('gives a warming-up sample null verdicts for the pending detectors', () => {
    const result = buildScoreResult(
      {
        sample: SAMPLE,
        modelVersion: null,
        verdicts: null,
        pendingDetectors: ['isolation_forest'],
        drift: drift(false),
      },
      1_100,
    );
    assert.equal(result.status, 'warming_up');
    assert.deepEqual(result.detectors, {
      isolation_forest: { score: null, flag: null, time_us: 0 },
    });
    assert.equal(result.ensemble.score, null);
    assert.equal(result.ensemble.flag, null);
    assert.equal(buildAnomalyEvent({} as ScoreOutcome, result), null);
  });
});

describe('events', () => {
  it('raise an anomaly naming the detectors that flagged the sample', () => {
    const outcome: ScoreOutcome = {
      sample: SAMPLE,
      modelVersion: 'm1',
      verdicts: verdicts(true),
      pendingDetectors: [],
      drift: drift(false),
    };
    const event = buildAnomalyEvent(outcome, buildScoreResult(outcome, 1_100));
    assert.deepEqual(event?.flagged_by, ['isolation_forest']);
    assert.equal(event?.score, 0.9);
    assert.deepEqual(event?.features, SAMPLE.features);
  });

  it('raise nothing for a normal sample and a drift event on an alarm', () => {
    const outcome: ScoreOutcome = {
      sample: SAMPLE,
      modelVersion: 'm1',
      verdicts: verdicts(false),
      pendingDetectors: [],
      drift: drift(true),
    };
    assert.equal(
      buildAnomalyEvent(outcome, buildScoreResult(outcome, 1_100)),
      null,
    );
    assert.deepEqual(buildDriftEvent(outcome), {
      v: 1,
      host: 'web-1',
      seq: 7,
      timestamp: 1_000,
      statistic: 12,
      direction: 'up',
      threshold: 10,
    });
  });
});
