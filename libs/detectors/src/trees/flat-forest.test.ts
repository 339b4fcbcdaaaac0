import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ModelFormatError } from '../errors.js';
import { evaluateTree, treeDepth } from './flat-forest.js';
import { ForestBuilder } from './forest-builder.js';
import { forestFromJSON, forestToJSON } from './forest-json.js';

/** Tree 0: x0 <= 1 ? 10 : (x1 <= 5 ? 20 : 30). Tree 1: a leaf of 100. */
function twoTrees() {
  const builder = new ForestBuilder();
  const root = builder.addRoot();
  const left = builder.setSplit(root, 0, 1);
  builder.setLeaf(left, 10);
  const inner = builder.setSplit(left + 1, 1, 5);
  builder.setLeaf(inner, 20);
  builder.setLeaf(inner + 1, 30);
  builder.setLeaf(builder.addRoot(), 100);
  return builder.build();
}

describe('FlatForest', () => {
  it('sends a row left at value <= threshold, right otherwise', () => {
    const forest = twoTrees();
    const root = forest.roots[0];
    assert.equal(evaluateTree(forest, root, [1, 9]), 10);
    assert.equal(evaluateTree(forest, root, [1.5, 5]), 20);
    assert.equal(evaluateTree(forest, root, [1.5, 5.1]), 30);
  });

  it('measures the longest path of each tree', () => {
    const forest = twoTrees();
    assert.equal(treeDepth(forest, forest.roots[0]), 2);
    assert.equal(treeDepth(forest, forest.roots[1]), 0);
  });

  it('keeps the children of a split side by side', () => {
    const forest = twoTrees();
    assert.deepEqual([...forest.roots], [0, 5]);
    assert.deepEqual([...forest.left], [1, -1, 3, -1, -1, -1]);
  });
});

describe('forest JSON', () => {
  it('rebuilds an identical forest', () => {
    const forest = twoTrees();
    const copy = forestFromJSON(
      JSON.parse(JSON.stringify(forestToJSON(forest))),
      2,
    );
    assert.deepEqual(copy, forest);
  });

  it('rejects a child that points back to its parent (a loop)', () => {
    const json = { ...forestToJSON(twoTrees()), left: [0, -1, 3, -1, -1, -1] };
    assert.throws(() => forestFromJSON(json, 2), ModelFormatError);
  });

  it('rejects a feature the model does not have', () => {
    assert.throws(() => forestFromJSON(forestToJSON(twoTrees()), 1), {
      code: 'MODEL_FORMAT',
    });
  });

  it('rejects arrays of different lengths and non-numbers', () => {
    const json = forestToJSON(twoTrees());
    assert.throws(
      () => forestFromJSON({ ...json, value: [1] }, 2),
      ModelFormatError,
    );
    assert.throws(
      () => forestFromJSON({ ...json, threshold: ['1'] }, 2),
      ModelFormatError,
    );
  });
});
