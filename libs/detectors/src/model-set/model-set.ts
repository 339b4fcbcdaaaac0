import type { Detector } from '../core/detector.js';
import { StandardScaler } from '../core/standard-scaler.js';
import { VotingEnsemble } from '../detectors/voting-ensemble.js';
import { ModelFormatError } from '../errors.js';
import { AnomalyExplainer } from '../explain/anomaly-explainer.js';
import type { FeatureDeviation } from '../explain/anomaly-explainer.js';
import type { Sample } from '../features/feature-order.js';
import { detectorFromJSON } from '../registry.js';
import type { MemberName } from '../registry.js';
import { createModelId } from './model-id.js';
import { MODEL_SET_VERSION, readModelSetJson } from './model-set-json.js';
import type { ModelSetJson, SkippedDetector } from './model-set-json.js';
import { createModelSetResult } from './model-set-result.js';
import type { MemberVerdict, ModelSetResult } from './model-set-result.js';

/** Everything a model set is made of; `trainModelSet` builds these. */
export interface ModelSetParts {
  readonly id?: string;
  readonly createdAt: Date;
  readonly features: readonly string[];
  readonly means: Float64Array;
  readonly droppedFeatures: readonly string[];
  readonly scaler: StandardScaler;
  readonly ensemble: VotingEnsemble;
  readonly explainTop: number;
  readonly skipped: readonly SkippedDetector[];
  readonly trainMs: Readonly<Partial<Record<MemberName, number>>>;
}

/**
 * The unit the lab trains and saves and the scorer loads: the feature
 * list, the imputation means, the scaler, the members, the voting ensemble
 * over them and the explainer. `score` turns one named sample into every
 * member's verdict, the ensemble's, and the top deviating features.
 */
export class ModelSet {
  readonly id: string;
  readonly createdAt: Date;
  readonly features: readonly string[];
  readonly droppedFeatures: readonly string[];
  readonly members: readonly MemberName[];
  readonly skipped: readonly SkippedDetector[];
  readonly trainMs: Readonly<Partial<Record<MemberName, number>>>;
  readonly ensemble: VotingEnsemble;
  readonly scaler: StandardScaler;
  readonly explainTop: number;
  private readonly means: Float64Array;
  private readonly detectors: readonly Detector[];
  private readonly raw: Float64Array;
  private readonly scaled: Float64Array;
  private readonly explainer: AnomalyExplainer;

  constructor(parts: ModelSetParts) {
    checkParts(parts);
    this.createdAt = parts.createdAt;
    this.features = parts.features;
    this.means = parts.means;
    this.droppedFeatures = parts.droppedFeatures;
    this.scaler = parts.scaler;
    this.ensemble = parts.ensemble;
    this.detectors = parts.ensemble.members;
    this.members = this.detectors.map((d) => d.kind as MemberName);
    this.explainer = new AnomalyExplainer(parts.features, {
      top: parts.explainTop,
    });
    this.explainTop = Math.min(parts.explainTop, parts.features.length);
    this.skipped = parts.skipped;
    this.trainMs = parts.trainMs;
    this.raw = new Float64Array(parts.features.length);
    this.scaled = new Float64Array(parts.features.length);
    this.id = parts.id ?? createModelId(parts.createdAt, this.contentText());
  }

  static fromJSON(json: unknown): ModelSet {
    const value = readModelSetJson(json);
    return new ModelSet({
      id: value.id,
      createdAt: new Date(value.created_at),
      features: value.features,
      means: Float64Array.from(value.means),
      droppedFeatures: value.dropped_features,
      scaler: part('scaler', () => StandardScaler.fromJSON(value.scaler)),
      ensemble: part('ensemble', () =>
        VotingEnsemble.fromJSON(value.ensemble, detectorFromJSON),
      ),
      explainTop: value.explain_top,
      skipped: value.skipped,
      trainMs: value.train_ms,
    });
  }

  /** A result to pass to `score` again and again; sized for this model. */
  createResult(): ModelSetResult {
    const result = createModelSetResult(this.members);
    for (let i = 0; i < this.explainTop; i++) {
      result.explanation.push({ feature: '', value: 0, z: 0 });
    }
    return result;
  }

  /**
   * Scores one sample. Model features are looked up by name; sample
   * features the model does not know are ignored; a model feature that is
   * missing, null or not finite is imputed with its training mean and
   * listed in `imputed`. With `out` (from `createResult()`), no object or
   * array is allocated.
   *
   * FIXME: V8 still boxes each double that a call it does not inline
   * returns (each member's score, `performance.now()`): about 16 bytes a
   * box, a few hundred bytes a sample with seven members, all dead by the
   * next young-generation scavenge. It bites only as GC pauses in the p99
   * at tens of thousands of samples a second.
   */
  score(
    sample: Sample,
    out: ModelSetResult = this.createResult(),
  ): ModelSetResult {
    this.vectorise(sample, out.imputed);
    this.scaler.transformRow(this.raw, this.scaled);
    this.scoreMembers(out);
    this.explain(out.explanation);
    return out;
  }

  toJSON(): ModelSetJson {
    return { ...this.contentJson(), id: this.id };
  }

  private vectorise(sample: Sample, imputed: string[]): void {
    imputed.length = 0;
    for (let c = 0; c < this.features.length; c++) {
      const value = sample[this.features[c]];
      if (typeof value === 'number' && Number.isFinite(value)) {
        this.raw[c] = value;
      } else {
        this.raw[c] = this.means[c];
        imputed.push(this.features[c]);
      }
    }
  }

  /**
   * Every member's verdict, then the vote and the calibrated mean. One
   * clock read per member (each member's time runs from the previous read)
   * keeps the timing cost to n + 1 reads of `performance.now()`.
   */
  private scoreMembers(out: ModelSetResult): void {
    const start = performance.now();
    let before = start;
    for (let i = 0; i < this.detectors.length; i++) {
      const verdict = out.detectors[this.members[i]] as MemberVerdict;
      verdict.score = this.detectors[i].score(this.scaled);
      const after = performance.now();
      verdict.time_us = (after - before) * 1000;
      before = after;
    }
    this.combine(out, start);
  }

  private combine(out: ModelSetResult, start: number): void {
    let votes = 0;
    let sum = 0;
    for (let i = 0; i < this.detectors.length; i++) {
      const verdict = out.detectors[this.members[i]] as MemberVerdict;
      verdict.flag = verdict.score >= this.detectors[i].threshold;
      if (verdict.flag) votes++;
      sum += this.ensemble.calibrate(i, verdict.score);
    }

    const verdict = out.ensemble;
    verdict.score = sum / this.detectors.length;
    verdict.votes = votes;
    verdict.members = this.detectors.length;
    verdict.flag = this.ensemble.carries(votes, this.detectors.length);
    verdict.time_us = (performance.now() - start) * 1000;
  }

  /** Copies the explainer's top features into the result's entries. */
  private explain(explanation: FeatureDeviation[]): void {
    const top = this.explainer.explain(this.scaled, this.raw);
    for (let k = 0; k < explanation.length; k++) {
      const entry = explanation[k];
      entry.feature = top[k].feature;
      entry.value = top[k].value;
      entry.z = top[k].z;
    }
  }

  private contentJson(): Omit<ModelSetJson, 'id'> {
    return {
      kind: 'model_set',
      version: MODEL_SET_VERSION,
      created_at: this.createdAt.toISOString(),
      features: this.features,
      means: Array.from(this.means),
      dropped_features: this.droppedFeatures,
      scaler: this.scaler.toJSON(),
      ensemble: this.ensemble.toJSON(),
      explain_top: this.explainTop,
      skipped: this.skipped,
      train_ms: this.trainMs,
    };
  }

  private contentText(): string {
    const { ensemble, scaler, features, means } = this.contentJson();
    return JSON.stringify({ ensemble, scaler, features, means });
  }
}

/** Builds one part of a model set, naming the part when it is corrupt. */
function part<T>(name: string, build: () => T): T {
  try {
    return build();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ModelFormatError(`model_set ${name}: ${reason}`, err);
  }
}

function checkParts(parts: ModelSetParts): void {
  const count = parts.features.length;
  if (parts.scaler.featureCount !== count) {
    throw new ModelFormatError(
      `model_set scaler has ${parts.scaler.featureCount} features: ` +
        `expected ${count}, one per model feature`,
    );
  }
  const member = parts.ensemble.members.find((m) => m.featureCount !== count);
  if (member !== undefined) {
    throw new ModelFormatError(
      `model_set member ${member.kind} has ${member.featureCount} features: expected ${count}`,
    );
  }
  if (Number.isNaN(parts.createdAt.getTime())) {
    throw new ModelFormatError(
      'model_set created_at is not a date: expected ISO 8601',
    );
  }
}
