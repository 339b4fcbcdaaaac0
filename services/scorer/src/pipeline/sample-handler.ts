import type { Bus, BusMessage } from '@hostwatch/transport';
import type { HostScorer } from '../host/host-scorer.js';
import type { SampleIntake } from '../intake/sample-intake.js';
import type { ResultRecorder } from '../metrics/result-recorder.js';
import { buildAnomalyEvent, buildDriftEvent } from '../results/build-events.js';
import { partitionOfSubject } from '../partitions/partition-subjects.js';
import { buildScoreResult } from '../results/build-score-result.js';
import { publishResult } from './result-publisher.js';

/**
 * One message, start to finish: validate (or dead-letter), score, publish
 * the result and any events, record metrics. The bus acks the message
 * when this resolves, so a message is acked only after its result is
 * stored; if a publish fails this rejects and the bus redelivers it.
 *
 * The bus runs one handler at a time per subject (one host) and many
 * across hosts, so per-host state sees samples in order while publishes
 * of different hosts overlap.
 */
export class SampleHandler {
  constructor(
    private readonly bus: Bus,
    private readonly intake: SampleIntake,
    private readonly scorer: HostScorer,
    private readonly recorder: ResultRecorder,
  ) {}

  readonly handle = async (message: BusMessage): Promise<void> => {
    const sample = this.intake.accept(message);
    if (sample instanceof Promise) {
      await sample;
      return;
    }
    const partition = partitionOfSubject(message.subject);
    const outcome = this.scorer.score(sample, partition);
    const result = buildScoreResult(outcome, Date.now());
    const anomaly = buildAnomalyEvent(outcome, result);
    const drift = buildDriftEvent(outcome);
    await publishResult(this.bus, result, anomaly, drift);
    this.recorder.record(result);
  };
}
