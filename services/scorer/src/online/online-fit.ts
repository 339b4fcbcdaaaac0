import { trainModelSet } from '@hostwatch/detectors';
import type { DetectorOptions, MemberName } from '@hostwatch/detectors';
import type { ParsedScorerOptions } from '../options.js';
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
 * Fits the unsupervised online members on a host's window.
 *
 * With isolation_forest and pca_reconstruction alone (the cheap choice for
 * large fleets) a quiet host is poorly watched: the forest scores every
 * point past the window's range like the edge of the range, and a PCA
 * whose components span every moving sensor (three live sensors, three
 * components) sees no error at all in them. The default members add LOF
 * and the one-class SVM, whose scores grow with the distance; see
 * DEFAULT_ONLINE_DETECTORS. Flagged samples never join the rolling window,
 * so a host that moves for good stays flagged until the next refit.
 */
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
