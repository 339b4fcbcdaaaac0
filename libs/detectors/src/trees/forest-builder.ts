import type { FlatForest } from './flat-forest.js';

/**
 * Collects the nodes of a forest while trees grow, then packs them into a
 * FlatForest. Children are allocated in pairs so that the right child of a
 * split always follows the left one.
 */
export class ForestBuilder {
  private readonly roots: number[] = [];
  private readonly feature: number[] = [];
  private readonly threshold: number[] = [];
  private readonly left: number[] = [];
  private readonly value: number[] = [];

  /** Starts a new tree and returns the index of its root node. */
  addRoot(): number {
    const root = this.addNode();
    this.roots.push(root);
    return root;
  }

  /** Turns `node` into a leaf that outputs `value`. */
  setLeaf(node: number, value: number): void {
    this.feature[node] = -1;
    this.threshold[node] = 0;
    this.left[node] = -1;
    this.value[node] = value;
  }

  /** Turns `node` into a split and returns its left child's index. */
  setSplit(node: number, feature: number, threshold: number): number {
    const leftChild = this.addNode();
    this.addNode();
    this.feature[node] = feature;
    this.threshold[node] = threshold;
    this.left[node] = leftChild;
    this.value[node] = 0;
    return leftChild;
  }

  build(): FlatForest {
    return {
      roots: Int32Array.from(this.roots),
      feature: Int32Array.from(this.feature),
      threshold: Float64Array.from(this.threshold),
      left: Int32Array.from(this.left),
      value: Float64Array.from(this.value),
    };
  }

  private addNode(): number {
    const node = this.feature.length;
    this.feature.push(-1);
    this.threshold.push(0);
    this.left.push(-1);
    this.value.push(0);
    return node;
  }
}
