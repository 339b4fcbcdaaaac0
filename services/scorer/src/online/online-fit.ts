import { trainModelSet } from '@hostwatch/detectors';
import type { DetectorOptions, MemberName } from '@hostwatch/detectors';
import type { ParsedScorerOptions } from '../options.js';
import type { OnlineFit } from './online-learner.js';

/**
 * Online models are fitted per host and kept per host, so they are kept
 * small: 50 isolation trees of 64 samples instead of 100 of 256.
 */
export const ONLINE_DETECTOR_OPTIONS: Partial<
  Record<MemberName, DetectorOptions>
> = Object.freeze({
  isolation_forest: Object.freeze({ trees: 50, sampleSize: 64 }),
});

/** Fits the unsupervised online members on a host's window. */
export function createOnlineFit(options: ParsedScorerOptions): OnlineFit {
  return (normal, createdAt) =>
    trainModelSet({
      normal,
      detectors: options.onlineDetectors,
      seed: options.seed,
      detectorOptions: ONLINE_DETECTOR_OPTIONS,
      createdAt,
    });
}
