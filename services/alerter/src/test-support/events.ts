import type { AnomalyEvent, DriftEvent } from '@hostwatch/transport';

const START = Date.parse('2026-12-03T12:00:00.000Z');

/** An anomaly of `host` at `seq`, explained by cpu_temp, gpu_temp, cpu. */
export function anomalyEvent(host: string, seq: number): AnomalyEvent {
  return {
    v: 1,
    host,
    seq,
    timestamp: START + seq * 1000,
    score: 0.8731,
    votes: 5,
    members: 7,
    flagged_by: ['isolation_forest', 'xgboost'],
    explanation: [
      { feature: 'cpu_temp', value: 91.04, z: 6.21 },
      { feature: 'gpu_temp', value: 84, z: 4.06 },
      { feature: 'cpu_percent', value: 99.5, z: 3 },
      { feature: 'cpu_freq', value: 1200, z: 1 },
    ],
    features: { cpu_temp: 91.04, gpu_temp: 84, cpu_percent: 99.5 },
  };
}

export function driftEvent(host: string, seq: number): DriftEvent {
  return {
    v: 1,
    host,
    seq,
    timestamp: START + seq * 1000,
    statistic: 12.345,
    direction: 'up',
    threshold: 10,
  };
}
