import type {
  BusMessage,
  DetectorVerdict,
  ScoreResult,
} from '@hostwatch/transport';
import { MEMBER_DETECTORS } from '../csv/columns.js';

const START = Date.parse('2026-12-03T12:00:00.000Z');

/** A scored result of `host` at `seq`; `flagged` sets every verdict. */
export function scoreResult(
  host: string,
  seq: number,
  flagged = false,
): ScoreResult {
  const verdict = (i: number): DetectorVerdict => ({
    score: 0.1 * (i + 1),
    flag: flagged,
    time_us: 10 * (i + 1),
  });
  const detectors = Object.fromEntries(
    MEMBER_DETECTORS.map((name, i) => [name, verdict(i)]),
  );
  return {
    v: 1,
    host,
    seq,
    timestamp: START + seq * 1000,
    scored_at: START + seq * 1000 + 5,
    status: 'scored',
    model_version: 'm1',
    features: {
      cpu_percent: 12.5,
      cpu_freq: 3200,
      cpu_memory: 41,
      cpu_temp: 55,
      gpu_percent: null,
      gpu_memory: null,
      gpu_temp: null,
    },
    imputed: [],
    jitter_ms: 0.4,
    detectors,
    ensemble: { score: 0.5, flag: flagged, time_us: 90, votes: 0, members: 7 },
    explanation: [{ feature: 'cpu_temp', value: 55, z: 1.25 }],
    drift: { statistic: 0.5, flag: false },
    latency_ms: 5,
  };
}

/** A delivery that records acks and naks, for sink tests. */
export class FakeMessage implements BusMessage {
  acks = 0;
  naks = 0;
  readonly deliveryCount = 1;
  readonly data: Uint8Array;

  constructor(
    readonly subject: string,
    payload: unknown,
  ) {
    this.data = new TextEncoder().encode(JSON.stringify(payload));
  }

  json(): unknown {
    return JSON.parse(new TextDecoder().decode(this.data)) as unknown;
  }

  ack(): void {
    this.acks++;
  }

  nak(): void {
    this.naks++;
  }
}
