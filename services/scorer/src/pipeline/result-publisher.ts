import {
  anomaliesSubject,
  driftSubject,
  sampleMessageId,
  scoresSubject,
} from '@hostwatch/transport';
import type {
  AnomalyEvent,
  Bus,
  DriftEvent,
  ScoreResult,
} from '@hostwatch/transport';

/**
 * Publishes what one sample produced: the result on `scores.<host>`, an
 * anomaly on `anomalies.<host>`, a drift alarm on `drift.<host>`. The
 * three go out together (not one round trip after another) and the
 * promise settles when every stream has acknowledged its message. Message
 * ids make a republished result (after a redelivery) a duplicate. They
 * are prefixed (`score:host:seq`) so they never equal the sample's own id:
 * the in-process bus keeps one dedup window for every subject.
 */
export function publishResult(
  bus: Bus,
  result: ScoreResult,
  anomaly: AnomalyEvent | null,
  drift: DriftEvent | null,
): Promise<void> {
  const id = sampleMessageId(result.host, result.seq);
  const scores = bus.publish(scoresSubject(result.host), result, {
    msgId: `score:${id}`,
  });
  if (anomaly === null && drift === null) return scores;

  const sends = [scores];
  if (anomaly !== null) {
    const subject = anomaliesSubject(result.host);
    sends.push(bus.publish(subject, anomaly, { msgId: `anomaly:${id}` }));
  }
  if (drift !== null) {
    const subject = driftSubject(result.host);
    sends.push(bus.publish(subject, drift, { msgId: `drift:${id}` }));
  }
  return Promise.all(sends).then(() => undefined);
}
