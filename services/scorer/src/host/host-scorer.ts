import { PageHinkley } from '@hostwatch/detectors';
import type { MetricSample } from '@hostwatch/transport';
import type { ModelCatalog } from '../models/model-catalog.js';
import type { OnlineFit } from '../online/online-learner.js';
import { OnlineLearner } from '../online/online-learner.js';
import type { ParsedScorerOptions } from '../options.js';
import type { DriftReading, ScoreOutcome } from '../results/score-outcome.js';
import { bindModel, HostState } from './host-state.js';
import type { ModelBinding } from './host-state.js';

/** What the host scorer tells the service about (to log and count). */
export interface HostScorerEvents {
  onFitError(host: string, error: unknown): void;
  onModelBound(host: string, binding: ModelBinding, source: string): void;
}

/** The version prefix of a model a host learned by itself. */
export const ONLINE_VERSION_PREFIX = 'online-';

/**
 * Scores samples with per-host state: which model a host uses (its own,
 * the fleet default, or one learned online), its Page-Hinkley test on the
 * ensemble score, its warm-up and rolling windows. Synchronous: a sample
 * is scored completely before the next one of any host.
 *
 * A redelivered sample (sequence not above the last one scored) is scored
 * again with the current model but changes no state: its first delivery
 * already fed the drift test and the window.
 */
export class HostScorer {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly catalog: ModelCatalog,
    private readonly options: ParsedScorerOptions,
    private readonly fit: OnlineFit,
    private readonly events: HostScorerEvents,
  ) {}

  get hostCount(): number {
    return this.hosts.size;
  }

  /** Hosts by mode, for the readiness probe and gauges. */
  modes(): { trained: number; online: number; warming: number } {
    const counts = { trained: 0, online: 0, warming: 0 };
    for (const state of this.hosts.values()) {
      if (state.trained !== null) counts.trained++;
      else if (state.onlineBinding !== null) counts.online++;
      else counts.warming++;
    }
    return counts;
  }

  /**
   * Forgets the hosts of a partition this replica gave away: if it comes
   * back, their state would have missed the samples scored elsewhere.
   */
  forgetPartition(partition: number): string[] {
    const forgotten: string[] = [];
    for (const [host, state] of this.hosts) {
      if (state.partition !== partition) continue;
      this.hosts.delete(host);
      forgotten.push(host);
    }
    return forgotten;
  }

  /** Scores one sample that arrived on `partition` (-1: unpartitioned). */
  score(sample: MetricSample, partition = -1): ScoreOutcome {
    const state = this.stateOf(sample.host, partition);
    const fresh = sample.seq > state.lastSeq;
    this.resolveTrained(state);
    if (state.trained === null && fresh) this.learnOnline(state, sample);

    const binding = state.binding;
    if (binding === null) {
      if (fresh) state.lastSeq = sample.seq;
      return this.outcome(sample, null, state, this.quietDrift(state));
    }
    const verdicts = binding.model.score(sample.features, binding.result);
    if (!fresh)
      return this.outcome(sample, binding, state, this.quietDrift(state));

    state.lastSeq = sample.seq;
    const drift = this.updateDrift(state, verdicts.ensemble.score);
    this.afterScoring(state, sample, verdicts.ensemble.flag);
    return this.outcome(sample, binding, state, drift);
  }

  private stateOf(host: string, partition: number): HostState {
    let state = this.hosts.get(host);
    if (state === undefined) {
      state = new HostState(host, partition, this.newDriftTest());
      this.hosts.set(host, state);
    }
    return state;
  }

  private newDriftTest(): PageHinkley {
    return new PageHinkley({
      delta: this.options.driftDelta,
      threshold: this.options.driftThreshold,
      minInstances: this.options.driftMinInstances,
      direction: 'both',
    });
  }

  /** Rebinds when the catalog changed and the host's model with it. */
  private resolveTrained(state: HostState): void {
    if (state.generation === this.catalog.generation) return;
    state.generation = this.catalog.generation;
    const model = this.catalog.modelFor(state.host);
    if (model === (state.trained?.model ?? null)) return;

    state.trained = model === null ? null : bindModel(model);
    state.drift.reset();
    if (state.trained === null) return;
    state.online = null;
    state.onlineBinding = null;
    this.events.onModelBound(state.host, state.trained, 'trained');
  }

  private learnOnline(state: HostState, sample: MetricSample): void {
    state.online ??= new OnlineLearner(this.learnerOptions(), this.fit);
    try {
      const model = state.online.beforeScoring(sample);
      this.bindOnline(state, model);
    } catch (error) {
      this.events.onFitError(state.host, error);
    }
  }

  private afterScoring(
    state: HostState,
    sample: MetricSample,
    flagged: boolean,
  ): void {
    if (state.online === null || state.trained !== null) return;
    try {
      if (state.online.afterScoring(sample, flagged)) {
        this.bindOnline(state, state.online.model);
      }
    } catch (error) {
      this.events.onFitError(state.host, error);
    }
  }

  private bindOnline(
    state: HostState,
    model: ModelBinding['model'] | null,
  ): void {
    if (model === null || model === state.onlineBinding?.model) return;
    state.onlineBinding = bindModel(model, ONLINE_VERSION_PREFIX);
    this.events.onModelBound(state.host, state.onlineBinding, 'online');
  }

  private learnerOptions() {
    const o = this.options;
    return {
      features: o.onlineFeatures,
      windowSize: o.windowSize,
      warmupMs: o.warmupMs,
      minFitSamples: o.minFitSamples,
      refitEvery: o.refitEvery,
    };
  }

  private updateDrift(state: HostState, score: number): DriftReading {
    const flag = state.drift.update(score);
    return {
      statistic: state.drift.statistic,
      flag,
      direction: flag ? state.drift.lastAlarm : null,
      threshold: this.options.driftThreshold,
    };
  }

  private quietDrift(state: HostState): DriftReading {
    return {
      statistic: state.drift.statistic,
      flag: false,
      direction: null,
      threshold: this.options.driftThreshold,
    };
  }

  private outcome(
    sample: MetricSample,
    binding: ModelBinding | null,
    state: HostState,
    drift: DriftReading,
  ): ScoreOutcome {
    return {
      sample,
      modelVersion: binding?.version ?? null,
      verdicts: binding?.result ?? null,
      pendingDetectors:
        state.online === null ? [] : this.options.onlineDetectors,
      drift,
    };
  }
}
