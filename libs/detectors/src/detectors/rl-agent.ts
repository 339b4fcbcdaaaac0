import type { Detector, DetectorJson, Labels } from '../core/detector.js';
import { assertFiniteRow } from '../core/feature-matrix.js';
import type { FeatureMatrix } from '../core/feature-matrix.js';
import { ModelFormatError, NotFittedError } from '../errors.js';
import { readModelHeader } from '../trees/model-header.js';
import { checkLabels, checkTrainingMatrix } from '../trees/training-data.js';
import { PolicyNetwork } from './rl-agent-network.js';
import { RL_AGENT_THRESHOLD, parseRlAgentOptions } from './rl-agent-options.js';
import type { RlAgentOptions } from './rl-agent-options.js';
import { trainPolicy } from './rl-agent-training.js';

export const RL_AGENT_VERSION = 1;

/**
 * The seed's "RL agent": a small policy network over the scaled features
 * that decides alert or stay quiet, trained by policy gradient on labelled
 * samples against a reward table that prices false alarms and misses (see
 * `RlRewards`). Its score is the probability of alerting, so ROC curves
 * rank it like any classifier; it alerts at 0.5.
 *
 * Training uses tfjs (loaded on first `fit` only); scoring runs the learnt
 * weights in plain float64 arrays, without tfjs and without allocation.
 */
export class RlAgent implements Detector {
  readonly kind = 'rl_agent';
  readonly options: RlAgentOptions;
  threshold = RL_AGENT_THRESHOLD;
  private network: PolicyNetwork | null = null;

  constructor(options: Partial<RlAgentOptions> = {}) {
    this.options = parseRlAgentOptions(options);
  }

  static fromJSON(json: unknown): RlAgent {
    const header = readModelHeader(json, 'rl_agent', RL_AGENT_VERSION);
    const agent = new RlAgent(optionsOf(header.fields.options));
    agent.network = PolicyNetwork.fromJSON(
      header.fields.layers,
      header.featureCount,
    );
    agent.threshold = header.threshold;
    return agent;
  }

  get featureCount(): number {
    return this.network?.layers[0].inputs ?? 0;
  }

  get fitted(): boolean {
    return this.network !== null;
  }

  fit(x: FeatureMatrix, labels?: Labels): void {
    checkTrainingMatrix(this.kind, x, 2);
    const checked = checkLabels(this.kind, labels, x.rows);
    this.network = trainPolicy(x, checked, this.options);
  }

  /** The probability that the policy alerts on `row`. */
  score(row: Float64Array): number {
    if (this.network === null) throw new NotFittedError(this.kind);
    assertFiniteRow(row, this.featureCount);
    return this.network.alertProbability(row);
  }

  predict(row: Float64Array): boolean {
    return this.score(row) >= this.threshold;
  }

  toJSON(): DetectorJson {
    if (this.network === null) throw new NotFittedError(this.kind);
    return {
      kind: this.kind,
      version: RL_AGENT_VERSION,
      threshold: this.threshold,
      featureCount: this.featureCount,
      options: this.options,
      layers: this.network.toJSON(),
    };
  }
}

function optionsOf(value: unknown): Partial<RlAgentOptions> {
  if (typeof value !== 'object' || value === null) {
    throw new ModelFormatError(
      `rl_agent options is ${String(value)}: expected an object`,
    );
  }
  try {
    return parseRlAgentOptions(value);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ModelFormatError(`rl_agent options: ${reason}`, err);
  }
}
