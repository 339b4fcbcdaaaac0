import type { StandardScalerJson } from '../core/standard-scaler.js';
import type { VotingEnsembleJson } from '../detectors/voting-ensemble.js';
import { ModelFormatError } from '../errors.js';
import type { MemberName } from '../registry.js';

export const MODEL_SET_VERSION = 1;

/** A detector that was asked for but not trained, and why. */
export interface SkippedDetector {
  readonly name: MemberName;
  readonly reason: string;
}

/** The serialised model set: what the lab saves and the scorer loads. */
export interface ModelSetJson {
  readonly kind: 'model_set';
  readonly version: number;
  /** Creation time and content hash: `2026-12-03T17:20:00.000Z-1a2b3c4d`. */
  readonly id: string;
  /** ISO 8601. */
  readonly created_at: string;
  readonly features: readonly string[];
  /** Training mean per feature: stands in for a missing value. */
  readonly means: readonly number[];
  /** Features of the training data left out for having no values. */
  readonly dropped_features: readonly string[];
  readonly scaler: StandardScalerJson;
  /** The members, each with its own JSON, and their calibration. */
  readonly ensemble: VotingEnsembleJson;
  readonly explain_top: number;
  readonly skipped: readonly SkippedDetector[];
  /** Training time per member, milliseconds. */
  readonly train_ms: Readonly<Partial<Record<MemberName, number>>>;
}

/** Checks the fields the model set reads itself; parts check their own. */
export function readModelSetJson(json: unknown): ModelSetJson {
  const value = json as Partial<ModelSetJson> | null;
  if (value?.kind !== 'model_set' || value.version !== MODEL_SET_VERSION) {
    throw new ModelFormatError(
      `model is ${String(value?.kind)} version ${String(value?.version)}: ` +
        `expected model_set version ${MODEL_SET_VERSION}`,
    );
  }
  checkText(value.id, 'id');
  checkText(value.created_at, 'created_at');
  checkFeatures(value.features, value.means);
  if (!Number.isInteger(value.explain_top) || (value.explain_top ?? 0) < 1) {
    throw new ModelFormatError(
      `model_set explain_top ${String(value.explain_top)}: expected an integer >= 1`,
    );
  }
  return {
    ...(value as ModelSetJson),
    dropped_features: value.dropped_features ?? [],
    skipped: value.skipped ?? [],
    train_ms: value.train_ms ?? {},
  };
}

function checkText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value === '') {
    throw new ModelFormatError(
      `model_set ${field} is ${JSON.stringify(value)}: expected a non-empty string`,
    );
  }
}

function checkFeatures(features: unknown, means: unknown): void {
  if (
    !Array.isArray(features) ||
    features.length === 0 ||
    !features.every((f) => typeof f === 'string')
  ) {
    throw new ModelFormatError(
      'model_set features is not a list of names: expected at least one feature name',
    );
  }
  if (
    !Array.isArray(means) ||
    means.length !== features.length ||
    !means.every((m) => typeof m === 'number' && Number.isFinite(m))
  ) {
    throw new ModelFormatError(
      `model_set means has ${Array.isArray(means) ? means.length : 'no'} ` +
        `entries: expected ${features.length} finite numbers, one per feature`,
    );
  }
}
