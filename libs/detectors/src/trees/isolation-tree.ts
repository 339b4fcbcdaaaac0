import type { FeatureMatrix } from '../core/feature-matrix.js';
import type { Random } from '../core/random.js';
import { averagePathLength } from './average-path-length.js';
import { shuffleFirst } from './bootstrap.js';
import type { ForestBuilder } from './forest-builder.js';

/**
 * Grows one isolation tree on the rows listed in `sample` (reordered in
 * place): each node splits a random non-constant feature at a uniform
 * threshold between its minimum and maximum in the node, until a node holds
 * one row or reaches `maxDepth`. Each leaf outputs its depth plus c(n) for
 * the n rows it still holds, so a tree's output is the path length h(x).
 */
export function growIsolationTree(
  builder: ForestBuilder,
  x: FeatureMatrix,
  sample: Int32Array,
  maxDepth: number,
  random: Random,
): void {
  const grower = new IsolationGrower(builder, x, sample, maxDepth, random);
  grower.grow(builder.addRoot(), 0, sample.length, 0);
}

interface RandomCut {
  readonly feature: number;
  readonly threshold: number;
}

class IsolationGrower {
  private readonly features: Int32Array;

  constructor(
    private readonly builder: ForestBuilder,
    private readonly x: FeatureMatrix,
    private readonly sample: Int32Array,
    private readonly maxDepth: number,
    private readonly random: Random,
  ) {
    this.features = Int32Array.from({ length: x.cols }, (_, f) => f);
  }

  grow(node: number, start: number, end: number, depth: number): void {
    const cut =
      end - start > 1 && depth < this.maxDepth
        ? this.randomCut(start, end)
        : null;
    if (cut === null) {
      this.builder.setLeaf(node, depth + averagePathLength(end - start));
      return;
    }

    const mid = this.partition(start, end, cut);
    const left = this.builder.setSplit(node, cut.feature, cut.threshold);
    this.grow(left, start, mid, depth + 1);
    this.grow(left + 1, mid, end, depth + 1);
  }

  /** A cut on a random feature that varies in the node; null if none. */
  private randomCut(start: number, end: number): RandomCut | null {
    const { features, random } = this;
    shuffleFirst(features, features.length, random);
    for (const feature of features) {
      const [low, high] = this.range(feature, start, end);
      if (low >= high) continue;
      const threshold = random.uniform(low, high);
      return { feature, threshold: threshold >= high ? low : threshold };
    }
    return null;
  }

  private range(feature: number, start: number, end: number): number[] {
    const { data, cols } = this.x;
    let low = Infinity;
    let high = -Infinity;
    for (let i = start; i < end; i++) {
      const value = data[this.sample[i] * cols + feature];
      if (value < low) low = value;
      if (value > high) high = value;
    }
    return [low, high];
  }

  /** Moves rows at or below the cut to the front; returns the split point. */
  private partition(start: number, end: number, cut: RandomCut): number {
    const { data, cols } = this.x;
    const { sample } = this;
    let mid = start;
    for (let i = start; i < end; i++) {
      const row = sample[i];
      if (data[row * cols + cut.feature] <= cut.threshold) {
        sample[i] = sample[mid];
        sample[mid++] = row;
      }
    }
    return mid;
  }
}
