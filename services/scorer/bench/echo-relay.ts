import {
  hostOfSubject,
  sampleMessageId,
  scoresSubject,
} from '@hostwatch/transport';
import type { Bus, BusMessage, Subscription } from '@hostwatch/transport';

/** The fields of a sample the relay passes on. */
interface SampleStamp {
  readonly seq: number;
  readonly timestamp: number;
}

function isSampleStamp(value: unknown): value is SampleStamp {
  if (typeof value !== 'object' || value === null) return false;
  const { seq, timestamp } = value as Record<string, unknown>;
  return typeof seq === 'number' && typeof timestamp === 'number';
}

/**
 * The latency floor beside the scorer: the same durable consumer on
 * `metrics.>` with the same messages in flight, the same publish to
 * `scores.<host>` stored before the sample is acked, and no scoring. Its
 * answer carries `seq` and `timestamp` only, which is all the paced
 * feeder reads. Whatever latency it shows, the broker, the client and
 * this machine add to the scorer's as well.
 */
export async function startEchoRelay(
  bus: Bus,
  maxInFlight: number,
): Promise<Subscription> {
  const relay = async (message: BusMessage): Promise<void> => {
    const host = hostOfSubject(message.subject);
    const sample = message.json();
    if (host === null || !isSampleStamp(sample)) {
      throw new Error(
        `echo relay: ${message.subject} holds no host sample with seq ` +
          `and timestamp: expected what the paced feeder publishes`,
      );
    }
    const answer = { seq: sample.seq, timestamp: sample.timestamp };
    const msgId = `echo:${sampleMessageId(host, sample.seq)}`;
    await bus.publish(scoresSubject(host), answer, { msgId });
  };
  return bus.consume({
    durable: 'bench-echo',
    subjects: ['metrics.>'],
    handler: relay,
    maxInFlight,
  });
}
