import type {
  ModelSet,
  ModelSetResult,
  PageHinkley,
} from '@hostwatch/detectors';
import type { OnlineLearner } from '../online/online-learner.js';

/** A model a host scores with and the result buffer sized for it. */
export interface ModelBinding {
  readonly model: ModelSet;
  readonly result: ModelSetResult;
  readonly version: string;
}

/**
 * Everything a replica keeps about one host between its samples. Only the
 * replica that owns the host's partition holds it, so every sample of the
 * host updates the same state in order.
 */
export class HostState {
  readonly host: string;
  /** The partition its samples arrive on, -1 without partitions. */
  readonly partition: number;
  /** Highest sequence scored; an older one is a redelivery. */
  lastSeq = -1;
  /** Catalog generation the binding was resolved at. */
  generation = -1;
  /** A trained model (the host's own or the fleet default), or null. */
  trained: ModelBinding | null = null;
  /** Cold start, created when the host has no trained model. */
  online: OnlineLearner | null = null;
  /** The online model currently bound, to notice refits. */
  onlineBinding: ModelBinding | null = null;
  readonly drift: PageHinkley;

  constructor(host: string, partition: number, drift: PageHinkley) {
    this.host = host;
    this.partition = partition;
    this.drift = drift;
  }

  /** The binding to score with, trained first, or null (warming up). */
  get binding(): ModelBinding | null {
    return this.trained ?? this.onlineBinding;
  }
}

/** Binds a model set to a fresh result buffer. */
export function bindModel(model: ModelSet, prefix = ''): ModelBinding {
  return {
    model,
    result: model.createResult(),
    version: `${prefix}${model.id}`,
  };
}
