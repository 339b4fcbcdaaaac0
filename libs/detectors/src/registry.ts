import type { Detector, DetectorName } from './core/detector.js';
import { GradientBoosting } from './detectors/gradient-boosting.js';
import { IsolationForest } from './detectors/isolation-forest.js';
import { LocalOutlierFactor } from './detectors/local-outlier-factor.js';
import { OneClassSvm } from './detectors/one-class-svm.js';
import { PcaReconstruction } from './detectors/pca-reconstruction.js';
import { RandomForest } from './detectors/random-forest.js';
import { RlAgent } from './detectors/rl-agent.js';
import { VotingEnsemble } from './detectors/voting-ensemble.js';
import { InvalidOptionError, ModelFormatError } from './errors.js';

/** The detectors a model set can train: every name but `ensemble`. */
export type MemberName = Exclude<DetectorName, 'ensemble'>;

export const MEMBER_NAMES: readonly MemberName[] = [
  'isolation_forest',
  'one_class_svm',
  'local_outlier_factor',
  'pca_reconstruction',
  'random_forest',
  'xgboost',
  'rl_agent',
];

/**
 * Each detector's options, as its constructor takes them. Typed loosely
 * here: every constructor validates its own options with its
 * `parseXxxOptions()` and throws `InvalidOptionError` on a bad one.
 */
export type DetectorOptions = Readonly<Record<string, unknown>>;

/** How to build and rebuild one kind of detector. */
interface DetectorFactory {
  readonly create: (options: DetectorOptions) => Detector;
  readonly fromJSON: (json: unknown) => Detector;
}

const FACTORIES = new Map<MemberName, DetectorFactory>();

function register(name: MemberName, factory: DetectorFactory): void {
  FACTORIES.set(name, factory);
}

function factoryOf(name: string): DetectorFactory {
  const factory = FACTORIES.get(name as MemberName);
  if (factory === undefined) {
    throw new InvalidOptionError(
      `detector "${name}" is not available: expected one of ${availableDetectors().join(', ')}`,
    );
  }
  return factory;
}

/** Member names with a registered implementation, in report order. */
export function availableDetectors(): MemberName[] {
  return MEMBER_NAMES.filter((name) => FACTORIES.has(name));
}

/** An unfitted detector of the given kind. */
export function createDetector(
  name: MemberName,
  options: DetectorOptions = {},
): Detector {
  return factoryOf(name).create(options);
}

/**
 * Rebuilds any detector, the ensemble included, from its `toJSON()`:
 * dispatches on `kind`; a missing or unknown kind is a `ModelFormatError`.
 */
export function detectorFromJSON(json: unknown): Detector {
  const kind = (json as { kind?: unknown } | null)?.kind;
  if (kind === 'ensemble') {
    return VotingEnsemble.fromJSON(json, detectorFromJSON);
  }
  if (typeof kind !== 'string' || !FACTORIES.has(kind as MemberName)) {
    throw new ModelFormatError(
      `detector kind ${JSON.stringify(kind)}: ` +
        `expected one of ensemble, ${availableDetectors().join(', ')}`,
    );
  }
  return factoryOf(kind).fromJSON(json);
}

register('isolation_forest', {
  create: (options) => new IsolationForest(options),
  fromJSON: (json) => IsolationForest.fromJSON(json),
});
register('one_class_svm', {
  create: (options) => new OneClassSvm(options),
  fromJSON: (json) => OneClassSvm.fromJSON(json),
});
register('local_outlier_factor', {
  create: (options) => new LocalOutlierFactor(options),
  fromJSON: (json) => LocalOutlierFactor.fromJSON(json),
});
register('pca_reconstruction', {
  create: (options) => new PcaReconstruction(options),
  fromJSON: (json) => PcaReconstruction.fromJSON(json),
});
register('random_forest', {
  create: (options) => new RandomForest(options),
  fromJSON: (json) => RandomForest.fromJSON(json),
});
register('xgboost', {
  create: (options) => new GradientBoosting(options),
  fromJSON: (json) => GradientBoosting.fromJSON(json),
});
register('rl_agent', {
  create: (options) => new RlAgent(options),
  fromJSON: (json) => RlAgent.fromJSON(json),
});
