import { trainModelSet } from '@hostwatch/detectors';
import type { MemberName, ModelSet } from '@hostwatch/detectors';
import { readFixture } from './fixtures.js';

const cache = new Map<string, ModelSet>();

/**
 * A model set trained on the fixtures (normal and labelled training data),
 * cached per member list: training takes seconds.
 */
export function fixtureModel(
  detectors: readonly MemberName[],
  seed = 0,
): ModelSet {
  const key = `${detectors.join(',')}@${seed}`;
  let model = cache.get(key);
  if (model === undefined) {
    model = trainModelSet({
      normal: readFixture('normal_training'),
      labeled: readFixture('labeled_training'),
      detectors,
      seed,
      createdAt: new Date(Date.UTC(2026, 11, 3, seed)),
    });
    cache.set(key, model);
  }
  return model;
}
