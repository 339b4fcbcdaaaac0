import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { Random } from '../core/random.js';
import { evaluateTree, type FlatForest } from './flat-forest.js';
import { ForestBuilder } from './forest-builder.js';
import { LockstepForest } from './lockstep-forest.js';

/** A random tree of up to `depth` levels on `features` features. */
function growRandomTree(
  builder: ForestBuilder,
  node: number,
  depth: number,
  random: Random,
): void {
  if (depth === 0 || random.next() < 0.25) {
    builder.setLeaf(node, random.normal());
    return;
  }
  const left = builder.setSplit(node, random.int(3), random.normal());
  growRandomTree(builder, left, depth - 1, random);
  growRandomTree(builder, left + 1, depth - 1, random);
}

function randomForest(trees: number, random: Random): FlatForest {
  const builder = new ForestBuilder();
  for (let t = 0; t < trees; t++) {
    growRandomTree(builder, builder.addRoot(), 1 + random.int(9), random);
  }
  return builder.build();
}

describe('LockstepForest', () => {
  it('sums what walking each tree alone gives, whole groups or not', () => {
    const random = new Random(3);
    for (const trees of [1, 4, 7, 30]) {
      const forest = randomForest(trees, random);
      const lockstep = new LockstepForest(forest);
      for (let i = 0; i < 200; i++) {
        const row = [random.normal(), random.normal(), random.normal()];
        let expected = 0;
        for (const root of forest.roots) {
          expected += evaluateTree(forest, root, row);
        }
        assert.ok(Math.abs(lockstep.sum(row) - expected) < 1e-9);
      }
    }
  });

  it('sends a value equal to the threshold left', () => {
    const builder = new ForestBuilder();
    const left = builder.setSplit(builder.addRoot(), 0, 1);
    builder.setLeaf(left, 10);
    builder.setLeaf(left + 1, 20);
    const lockstep = new LockstepForest(builder.build());
    assert.equal(lockstep.sum([1]), 10);
    assert.equal(lockstep.sum([1.0000001]), 20);
  });
});
