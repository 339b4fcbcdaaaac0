import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';

import { createMatrix, rowOf } from '../core/feature-matrix.js';
import type { FeatureMatrix } from '../core/feature-matrix.js';
import { Random } from '../core/random.js';
import {
  InsufficientDataError,
  InvalidInputError,
  InvalidOptionError,
  ModelFormatError,
  NotFittedError,
} from '../errors.js';
import { rocAuc } from '../metrics/roc-auc.js';
import { RlAgent } from './rl-agent.js';
import { useWasmForRlTraining } from './rl-agent-training.js';

/** 400 rows of 3 standard normals; anomalous when x0 + x1 > 1.5. */
function separable(): { x: FeatureMatrix; labels: Uint8Array } {
  const random = new Random(7);
  const x = createMatrix(400, 3);
  const labels = new Uint8Array(400);
  for (let r = 0; r < x.rows; r++) {
    for (let c = 0; c < 3; c++) x.data[r * 3 + c] = random.normal();
    labels[r] = x.data[r * 3] + x.data[r * 3 + 1] > 1.5 ? 1 : 0;
  }
  return { x, labels };
}

function scores(agent: RlAgent, x: FeatureMatrix): Float64Array {
  return Float64Array.from({ length: x.rows }, (_, r) =>
    agent.score(rowOf(x, r)),
  );
}

const FAST = { epochs: 40, episodeLength: 64 };
const { x, labels } = separable();
const agent = new RlAgent(FAST);
agent.fit(x, labels);

describe('RlAgent', () => {
  it('learns a separable rule: ROC-AUC >= 0.97 on its data', () => {
    const auc = rocAuc(labels, scores(agent, x));
    assert.ok(auc >= 0.97, `ROC-AUC ${auc}`);
    assert.equal(agent.threshold, 0.5);
    assert.equal(agent.featureCount, 3);
  });

  it('leaves no tfjs tensor behind', () => {
    const tf = createRequire(import.meta.url)('@tensorflow/tfjs') as {
      memory(): { numTensors: number };
    };
    assert.equal(tf.memory().numTensors, 0);
  });

  it('scores the probability of alerting, in (0, 1)', () => {
    for (const s of scores(agent, x)) assert.ok(s > 0 && s < 1);
  });

  it('trains the same agent from the same seed', () => {
    const again = new RlAgent(FAST);
    again.fit(x, labels);
    assert.deepEqual(scores(again, x), scores(agent, x));
  });

  it('survives toJSON/fromJSON with identical scores', () => {
    const copy = RlAgent.fromJSON(JSON.parse(JSON.stringify(agent)));
    assert.deepEqual(scores(copy, x), scores(agent, x));
    assert.deepEqual(copy.options, agent.options);
  });

  it('rejects a corrupt layer and another kind', () => {
    const json = agent.toJSON() as unknown as { layers: unknown[] };
    const layers = [{ inputs: 3, outputs: 16, weights: [1], biases: [] }];
    assert.throws(
      () => RlAgent.fromJSON({ ...json, layers }),
      ModelFormatError,
    );
    assert.throws(
      () => RlAgent.fromJSON({ ...json, kind: 'xgboost' }),
      ModelFormatError,
    );
  });

  it('throws typed errors on bad options and data', () => {
    assert.throws(
      () =>
        new RlAgent({
          rewards: {
            truePositive: -3,
            trueNegative: 0.1,
            falsePositive: -0.5,
            falseNegative: -2,
          },
        }),
      InvalidOptionError,
    );
    assert.throws(() => new RlAgent({ hiddenUnits: [] }), InvalidOptionError);
    assert.throws(() => new RlAgent({ epochs: 0 }), InvalidOptionError);
    assert.throws(() => new RlAgent(FAST).fit(x), InvalidInputError);
    assert.throws(
      () => new RlAgent(FAST).fit(x, new Uint8Array(x.rows)),
      InsufficientDataError,
    );
    assert.throws(
      () => new RlAgent().score(new Float64Array(3)),
      NotFittedError,
    );
  });
});

// Last: it switches this process's tfjs backend for good.
describe('RlAgent on the WASM backend', () => {
  // Not bit-identical to CPU: WASM sums float32 products in another order.
  it('learns the same rule as on CPU', async () => {
    assert.equal(await useWasmForRlTraining(), 'wasm');
    const onWasm = new RlAgent(FAST);
    onWasm.fit(x, labels);
    const auc = rocAuc(labels, scores(onWasm, x));
    assert.ok(auc >= 0.97, `ROC-AUC ${auc}`);
  });
});
