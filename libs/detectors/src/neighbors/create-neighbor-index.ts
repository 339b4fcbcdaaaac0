import type { FeatureMatrix } from '../core/feature-matrix.js';
import { BruteForceIndex } from './brute-force-index.js';
import { KdTree } from './kd-tree.js';
import type { NeighborIndex } from './neighbor-index.js';
import {
  effectiveDimensions,
  principalRotation,
} from './principal-rotation.js';

/** The share of variance that defines a point set's effective dimension. */
export const EFFECTIVE_VARIANCE_SHARE = 0.9;

/**
 * The KD-tree is used while the points need at most this many principal
 * axes to hold 90 % of their variance; above, a linear scan. Measured
 * with k = 20 over 3000 points (1500 queries, CPU time per query, on the
 * shared 2-core build machine; the tree on principal axes, leaf size 32):
 *
 * | data                          | dims | effective | KD-tree | scan   |
 * | ----------------------------- | ---- | --------- | ------- | ------ |
 * | fixtures (standardised)       | 7    | 4         | ~15 µs  | ~50 µs |
 * | 3 latent factors + noise      | 7    | 2         | 12 µs   | 77 µs  |
 * | 3 latent factors + noise      | 38   | 3         | 50 µs   | 278 µs |
 * | independent Gaussians         | 12   | 11        | 105 µs  | 119 µs |
 * | independent Gaussians         | 16   | 15        | 167 µs  | 129 µs |
 * | independent Gaussians         | 38   | 34        | 367 µs  | 340 µs |
 *
 * So the raw feature count is the wrong test: host metrics are strongly
 * correlated and keep the tree ahead at 38 features, while truly
 * independent features make it a little slower than the scan from ~16.
 * (KD-tree packages on raw coordinates were 15-75x slower than the scan at
 * 38 host features.)
 */
export const KD_TREE_MAX_EFFECTIVE_DIMS = 12;

/** The faster exact index for these points. */
export function createNeighborIndex(
  points: FeatureMatrix,
  maxK: number,
): NeighborIndex {
  const rotation = principalRotation(points);
  const effective = effectiveDimensions(rotation, EFFECTIVE_VARIANCE_SHARE);
  return effective <= KD_TREE_MAX_EFFECTIVE_DIMS
    ? new KdTree(points, maxK, undefined, rotation)
    : new BruteForceIndex(points, maxK);
}
