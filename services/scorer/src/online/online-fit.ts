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
 * FIXME: on a quiet host this model is twitchy. The PCA keeps 3
 * components, and a host with at most 3 moving sensors (no GPU, no CPU
 * temperature) reconstructs every training row exactly: its threshold is
 * 0 and it flags every sample, so the isolation forest alone decides, and
 * it flags any value outside the warm-up's range (a memory creep of 0.1
 * point after a still minute). A flagged sample never joins the rolling
 * window, so such flags do not stop until a refit. Widening the warm-up
 * data to a noise floor per feature was tried and does not help: the
 * forest scores every point beyond the range like the edge of the range
 * (below its threshold), so a 4 GiB memory stress was no longer flagged.
 * The fix belongs in the detectors: a PCA threshold above a floor and a
 * score that grows with the distance past the training range. Until then
 * SCORER_ONLINE_DETECTORS can add local_outlier_factor and one_class_svm,
 * whose scores do grow with the distance (local mode does so).
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
