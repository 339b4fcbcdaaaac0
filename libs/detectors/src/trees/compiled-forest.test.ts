import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

import { Random } from '../core/random.js';
import {
  COMPILED_FOREST_MAX_DEPTH,
  COMPILED_FOREST_MAX_NODES,
  compileForest,
  createForestScorer,
} from './compiled-forest.js';
import type { FlatForest } from './flat-forest.js';
import { ForestBuilder } from './forest-builder.js';
import { LockstepForest } from './lockstep-forest.js';

/** A random tree of up to `depth` levels on 3 features. */
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

function randomForest(trees: number, depth: number, seed: number) {
  const random = new Random(seed);
  const builder = new ForestBuilder();
  for (let t = 0; t < trees; t++) {
    growRandomTree(builder, builder.addRoot(), 1 + random.int(depth), random);
  }
  return builder.build();
}

/** A forest of one split: `at` goes left (10), anything above right. */
function oneSplit(at: number): FlatForest {
  const builder = new ForestBuilder();
  const left = builder.setSplit(builder.addRoot(), 0, at);
  builder.setLeaf(left, 10);
  builder.setLeaf(left + 1, 20);
  return builder.build();
}

describe('compileForest', () => {
  it('compiles a small forest that sums to the same double as the lockstep walk', () => {
    const random = new Random(5);
    for (const trees of [1, 4, 7, 30]) {
      const forest = randomForest(trees, COMPILED_FOREST_MAX_DEPTH, trees);
      const scorer = compileForest(forest);
      const lockstep = new LockstepForest(forest);
      assert.ok(scorer !== null, `${trees} trees`);
      assert.equal(scorer.treeCount, trees);
      for (let i = 0; i < 300; i++) {
        const row = [random.normal(), random.normal(), random.normal()];
        assert.equal(scorer.sum(row), lockstep.sum(row));
      }
    }
  });

  it('sends a value equal to the threshold left, as the lockstep walk does', () => {
    const scorer = compileForest(oneSplit(1));
    assert.equal(scorer?.sum([1]), 10);
    assert.equal(scorer?.sum([1.0000001]), 20);
    assert.equal(compileForest(oneSplit(-0))?.sum([0]), 10);
  });
});

describe('createForestScorer', () => {
  it('walks forests over the node or depth limit in lockstep', () => {
    const big = randomForest(400, 8, 1);
    assert.ok(big.feature.length > COMPILED_FOREST_MAX_NODES);
    assert.ok(createForestScorer(big) instanceof LockstepForest);

    const builder = new ForestBuilder();
    let node = builder.addRoot();
    for (let d = 0; d <= COMPILED_FOREST_MAX_DEPTH; d++) {
      const left = builder.setSplit(node, 0, d);
      builder.setLeaf(left, d);
      node = left + 1;
    }
    builder.setLeaf(node, -1);
    assert.ok(createForestScorer(builder.build()) instanceof LockstepForest);
  });

  it('falls back to the lockstep walk where code generation is disallowed', () => {
    const script = [
      `import { compileForest, createForestScorer } from '${moduleUrl('./compiled-forest.ts')}';`,
      `import { ForestBuilder } from '${moduleUrl('./forest-builder.ts')}';`,
      'const builder = new ForestBuilder();',
      'const left = builder.setSplit(builder.addRoot(), 0, 1);',
      'builder.setLeaf(left, 10);',
      'builder.setLeaf(left + 1, 20);',
      'const forest = builder.build();',
      'const hot = { hotCalls: 1, hotWindowMs: 1e9 };',
      'const scorer = createForestScorer(forest, hot);',
      'const sums = [scorer.sum([1]), scorer.sum([2])];',
      'console.log(compileForest(forest), scorer.compiled, ...sums);',
    ].join('\n');
    const child = spawnSync(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        '--disallow-code-generation-from-strings',
        '--input-type=module',
        '--eval',
        script,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout.trim(), 'null false 10 20');
  });
});

function moduleUrl(path: string): string {
  return new URL(path, import.meta.url).href;
}
