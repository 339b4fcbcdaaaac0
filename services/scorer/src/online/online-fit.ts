import { trainModelSet } from '@hostwatch/detectors';
import type { DetectorOptions, MemberName } from '@hostwatch/detectors';
import type { ParsedScorerOptions } from '../options.js';
import { ONLINE_NOISE_FLOORS, withNoiseFloor } from './noise-floor.js';
import type { OnlineFit } from './online-learner.js';

/**
 * Online models are fitted and kept per host, so they are kept small: 25
 * isolation trees of 32 samples instead of 100 of 256, ~63 KiB in memory
 * (the flat and the compiled form of the forest) instead of ~1 MiB.
 */
export const ONLINE_DETECTOR_OPTIONS: Partial<
  Record<MemberName, DetectorOptions>
> = Object.freeze({
  isolation_forest: Object.freeze({ trees: 25, sampleSize: 32 }),
});

/**
 * Fits the unsupervised online members on a host's window, each feature
 * widened to its noise floor (see noise-floor.ts).
 */
export function createOnlineFit(options: ParsedScorerOptions): OnlineFit {
  return (normal, createdAt) =>
    trainModelSet({
      normal: withNoiseFloor(normal, ONLINE_NOISE_FLOORS, options.seed),
      detectors: options.onlineDetectors,
      seed: options.seed,
      detectorOptions: ONLINE_DETECTOR_OPTIONS,
      createdAt,
    });
}
