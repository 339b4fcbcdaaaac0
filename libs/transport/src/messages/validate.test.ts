import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseAnomalyEvent,
  parseDeadLetter,
  parseDriftEvent,
  parseMetricSample,
  parseScoreResult,
} from './validate.js';
import {
  MessageValidationError,
  type ValidationReason,
} from './validation-error.js';

const NOW = 1_764_000_000_000;

function sample(overrides: Record<string, unknown> = {}) {
  return {
    v: 1,
    host: 'web-1',
    seq: 42,
    timestamp: NOW - 1000,
    features: { cpu_percent: 12.5, cpu_temp: null },
    jitter_ms: 3,
    ...overrides,
  };
}

function score(overrides: Record<string, unknown> = {}) {
  const verdict = { score: 0.4, flag: false, time_us: 12 };
  return {
    ...sample(),
    scored_at: NOW,
    status: 'scored',
    model_version: 'SHA-256=abc',
    imputed: ['cpu_temp'],
    detectors: {
      isolation_forest: verdict,
      rl_agent: { ...verdict, score: null, flag: null },
    },
    ensemble: { ...verdict, votes: 1, members: 7 },
    explanation: [{ feature: 'cpu_percent', value: 12.5, z: 3.1 }],
    drift: { statistic: 0.2, flag: false },
    latency_ms: 1000,
    ...overrides,
  };
}

function rejects(
  run: () => unknown,
  reason: ValidationReason,
  field: string,
): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof MessageValidationError);
    assert.equal(error.code, 'MESSAGE_VALIDATION');
    assert.equal(error.reason, reason);
    assert.equal(error.field, field);
    assert.ok(error.detail.includes('expected'), error.detail);
    return true;
  });
}

const at = { now: NOW };

describe('parseMetricSample', () => {
  it('returns a valid sample unchanged, from an object, text or bytes', () => {
    const value = sample();
    assert.equal(parseMetricSample(value, at), value);
    const text = JSON.stringify(value);
    assert.deepEqual(parseMetricSample(text, at), value);
    assert.deepEqual(
      parseMetricSample(new TextEncoder().encode(text), at),
      value,
    );
  });

  it('rejects each malformed field with its reason', () => {
    rejects(() => parseMetricSample('{"v":1,', at), 'invalid_json', '');
    rejects(() => parseMetricSample([1], at), 'not_object', '');
    rejects(
      () => parseMetricSample(sample({ v: 2 }), at),
      'unknown_version',
      'v',
    );
    rejects(
      () => parseMetricSample(sample({ v: undefined }), at),
      'missing_field',
      'v',
    );
    rejects(
      () => parseMetricSample(sample({ host: 'a.b' }), at),
      'bad_host',
      'host',
    );
    rejects(
      () => parseMetricSample(sample({ host: 7 }), at),
      'wrong_type',
      'host',
    );
    rejects(
      () => parseMetricSample(sample({ seq: -1 }), at),
      'out_of_range',
      'seq',
    );
    rejects(
      () => parseMetricSample(sample({ seq: '1' }), at),
      'wrong_type',
      'seq',
    );
    rejects(
      () => parseMetricSample(sample({ timestamp: undefined }), at),
      'missing_field',
      'timestamp',
    );
    rejects(
      () => parseMetricSample(sample({ features: { cpu_percent: NaN } }), at),
      'not_finite',
      'features.cpu_percent',
    );
    rejects(
      () => parseMetricSample(sample({ features: { gpu_temp: '40' } }), at),
      'wrong_type',
      'features.gpu_temp',
    );
    rejects(
      () => parseMetricSample(sample({ label: 2 }), at),
      'wrong_type',
      'label',
    );
  });

  it('rejects a timestamp beyond the allowed clock skew', () => {
    const ahead = sample({ timestamp: NOW + 61_000 });
    rejects(
      () => parseMetricSample(ahead, at),
      'future_timestamp',
      'timestamp',
    );
    const skew = { now: NOW, maxFutureMs: 120_000 };
    assert.equal(parseMetricSample(ahead, skew).timestamp, NOW + 61_000);
  });

  it('requires the features the caller names, allowing null', () => {
    const options = { now: NOW, requiredFeatures: ['cpu_percent', 'cpu_temp'] };
    assert.equal(parseMetricSample(sample(), options).seq, 42);
    rejects(
      () =>
        parseMetricSample(sample(), {
          ...options,
          requiredFeatures: ['gpu_temp'],
        }),
      'missing_field',
      'features.gpu_temp',
    );
  });

  it('checks the optional top processes', () => {
    const top = {
      by_cpu: [{ pid: 1, name: 'init', cpu_percent: 1, memory_percent: 'x' }],
      by_memory: [],
    };
    rejects(
      () => parseMetricSample(sample({ top_processes: top }), at),
      'wrong_type',
      'top_processes.by_cpu[0].memory_percent',
    );
  });
});

describe('parseScoreResult', () => {
  it('accepts a result with warming-up detectors', () => {
    const value = score();
    assert.equal(parseScoreResult(value), value);
  });

  it('rejects a bad status, verdict or explanation', () => {
    rejects(
      () => parseScoreResult(score({ status: 'done' })),
      'wrong_type',
      'status',
    );
    rejects(
      () =>
        parseScoreResult(
          score({ detectors: { xgboost: { score: 1, flag: 1, time_us: 2 } } }),
        ),
      'wrong_type',
      'detectors.xgboost.flag',
    );
    rejects(
      () =>
        parseScoreResult(score({ explanation: [{ feature: 'x', value: 1 }] })),
      'missing_field',
      'explanation[0].z',
    );
    rejects(
      () =>
        parseScoreResult(
          score({ drift: { statistic: Infinity, flag: false } }),
        ),
      'not_finite',
      'drift.statistic',
    );
  });
});

describe('parseAnomalyEvent and parseDriftEvent', () => {
  const anomaly = {
    ...sample(),
    score: 0.9,
    votes: 5,
    members: 7,
    flagged_by: ['isolation_forest'],
    explanation: [],
  };
  const drift = {
    v: 1,
    host: 'web-1',
    seq: 3,
    timestamp: NOW,
    statistic: 9,
    direction: 'up',
    threshold: 5,
  };

  it('accepts valid events', () => {
    assert.equal(parseAnomalyEvent(anomaly), anomaly);
    assert.equal(parseDriftEvent(drift), drift);
  });

  it('rejects malformed events', () => {
    rejects(
      () => parseAnomalyEvent({ ...anomaly, flagged_by: [1] }),
      'wrong_type',
      'flagged_by[0]',
    );
    rejects(
      () => parseDriftEvent({ ...drift, direction: 'sideways' }),
      'wrong_type',
      'direction',
    );
  });
});

describe('parseDeadLetter', () => {
  it('accepts a dead letter and rejects one without a reason', () => {
    const letter = {
      v: 1,
      subject: 'metrics.a',
      reason: 'invalid_json',
      detail: 'd',
      payload: '{',
      rejected_at: NOW,
      service: 'scorer',
    };
    assert.equal(parseDeadLetter(letter), letter);
    rejects(
      () => parseDeadLetter({ ...letter, reason: undefined }),
      'missing_field',
      'reason',
    );
  });
});
