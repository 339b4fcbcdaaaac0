import { createRequire } from 'node:module';

import type * as Tf from '@tensorflow/tfjs';

import type { Labels } from '../core/detector.js';
import type { FeatureMatrix } from '../core/feature-matrix.js';
import { Random } from '../core/random.js';
import type { RlAgentOptions, RlRewards } from './rl-agent-options.js';
import { PolicyNetwork } from './rl-agent-network.js';
import type { DenseLayer } from './rl-agent-network.js';

type TfModule = typeof Tf;

/** One layer's trainable tensors, `weights` shaped [inputs, outputs]. */
interface LayerVariables {
  readonly weights: Tf.Variable;
  readonly biases: Tf.Variable;
}

/** What one policy-gradient step needs besides the network. */
interface Episode {
  readonly rows: Tf.Tensor2D;
  readonly labels: Uint8Array;
}

let loaded: TfModule | undefined;

const require = createRequire(import.meta.url);

/**
 * tfjs, loaded on first training only: a scorer that loads a saved agent
 * never pays for it. Training runs on tfjs's pure-JS CPU backend unless
 * `useWasmForRlTraining()` was awaited first: the WASM backend initialises
 * asynchronously and `fit` is synchronous in the detector contract.
 * `PROD` silences tfjs's console banner (libraries never log).
 */
function loadTf(): TfModule {
  if (loaded === undefined) {
    const tf = require('@tensorflow/tfjs') as TfModule;
    tf.env().set('PROD', true);
    loaded = tf;
  }
  return loaded;
}

/**
 * Switches RL training to tfjs's WASM backend: on the fixtures (3000 rows,
 * default options) `fit` took 2.6 s instead of 4.3 s on CPU and reached the
 * same test ROC-AUC (0.9394); the weights are not bit-identical, as WASM
 * sums float32 products in another order. Await once before training;
 * resolves to the backend in use, `cpu` when WASM cannot start.
 */
export async function useWasmForRlTraining(): Promise<string> {
  const tf = loadTf();
  require('@tensorflow/tfjs-backend-wasm');
  const ready = await tf.setBackend('wasm');
  if (!ready) await tf.setBackend('cpu');
  return tf.getBackend();
}

/**
 * Trains the alert policy with REINFORCE: episodes of `episodeLength`
 * labelled samples in a seeded random order; in each the agent samples
 * alert or stay quiet from its current policy, earns the reward table's
 * price for each decision, and takes one Adam step along
 * (reward - baseline) * grad log pi(action). The baseline is the expected
 * reward of the current policy in that state, known exactly because the
 * reward table is: it removes most of the variance of sampled rewards
 * without a learnt critic.
 */
export function trainPolicy(
  x: FeatureMatrix,
  labels: Labels,
  options: RlAgentOptions,
): PolicyNetwork {
  const tf = loadTf();
  const random = new Random(options.seed);
  const layers = initialLayers(tf, x.cols, options.hiddenUnits, random);
  const optimizer = tf.train.adam(options.learningRate);
  const data = tf.tensor2d(Float32Array.from(x.data), [x.rows, x.cols]);
  try {
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      runEpoch(tf, layers, optimizer, data, labels, options, random);
    }
    return networkOf(layers);
  } finally {
    data.dispose();
    optimizer.dispose();
    for (const layer of layers) tf.dispose([layer.weights, layer.biases]);
  }
}

function runEpoch(
  tf: TfModule,
  layers: readonly LayerVariables[],
  optimizer: Tf.Optimizer,
  data: Tf.Tensor2D,
  labels: Labels,
  options: RlAgentOptions,
  random: Random,
): void {
  const order = shuffled(labels.length, random);
  for (let start = 0; start < order.length; start += options.episodeLength) {
    const picked = order.subarray(start, start + options.episodeLength);
    const episode: Episode = {
      rows: tf.tidy(() => tf.gather(data, tf.tensor1d(picked, 'int32'))),
      labels: Uint8Array.from(picked, (i) => labels[i]),
    };
    try {
      policyStep(tf, layers, optimizer, episode, options.rewards, random);
    } finally {
      episode.rows.dispose();
    }
  }
}

function policyStep(
  tf: TfModule,
  layers: readonly LayerVariables[],
  optimizer: Tf.Optimizer,
  episode: Episode,
  rewards: RlRewards,
  random: Random,
): void {
  const alert = alertProbabilities(tf, layers, episode.rows);
  const { actions, advantages } = act(alert, episode.labels, rewards, random);
  const n = actions.length;
  const chosen = tf.tensor2d(actions, [n, 1]);
  const advantage = tf.tensor2d(advantages, [n, 1]);
  optimizer.minimize(
    () => policyLoss(tf, forward(tf, layers, episode.rows), chosen, advantage),
    false,
    layers.flatMap((layer) => [layer.weights, layer.biases]),
  );
  tf.dispose([chosen, advantage]);
}

/** -mean(advantage * log pi(action)), log pi from the logit, stably. */
function policyLoss(
  tf: TfModule,
  logits: Tf.Tensor2D,
  chosen: Tf.Tensor2D,
  advantage: Tf.Tensor2D,
): Tf.Scalar {
  const logAlert = tf.neg(tf.softplus(tf.neg(logits)));
  const logQuiet = tf.neg(tf.softplus(logits));
  const logPi = tf.add(
    tf.mul(chosen, logAlert),
    tf.mul(tf.sub(1, chosen), logQuiet),
  );
  return tf.neg(tf.mean(tf.mul(advantage, logPi))) as Tf.Scalar;
}

/** Samples each decision and prices it against the policy's expectation. */
function act(
  alert: Float32Array,
  labels: Uint8Array,
  rewards: RlRewards,
  random: Random,
): { actions: Float32Array; advantages: Float32Array } {
  const actions = new Float32Array(alert.length);
  const advantages = new Float32Array(alert.length);
  for (let i = 0; i < alert.length; i++) {
    const anomaly = labels[i] === 1;
    const ifAlert = anomaly ? rewards.truePositive : rewards.falsePositive;
    const ifQuiet = anomaly ? rewards.falseNegative : rewards.trueNegative;
    const alerts = random.next() < alert[i];
    const baseline = alert[i] * ifAlert + (1 - alert[i]) * ifQuiet;
    actions[i] = alerts ? 1 : 0;
    advantages[i] = (alerts ? ifAlert : ifQuiet) - baseline;
  }
  return { actions, advantages };
}

function alertProbabilities(
  tf: TfModule,
  layers: readonly LayerVariables[],
  rows: Tf.Tensor2D,
): Float32Array {
  const alert = tf.tidy(() => tf.sigmoid(forward(tf, layers, rows)));
  const values = alert.dataSync() as Float32Array;
  alert.dispose();
  return values;
}

function forward(
  tf: TfModule,
  layers: readonly LayerVariables[],
  rows: Tf.Tensor2D,
): Tf.Tensor2D {
  let out: Tf.Tensor2D = rows;
  layers.forEach((layer, l) => {
    out = tf.add(tf.matMul(out, layer.weights), layer.biases);
    if (l < layers.length - 1) out = tf.relu(out);
  });
  return out;
}

/** He-uniform weights for the ReLU layers, Glorot for the output; zero biases. */
function initialLayers(
  tf: TfModule,
  inputs: number,
  hiddenUnits: readonly number[],
  random: Random,
): LayerVariables[] {
  const sizes = [inputs, ...hiddenUnits, 1];
  return sizes.slice(1).map((outputs, l) => {
    const fanIn = sizes[l];
    const last = l === sizes.length - 2;
    const limit = Math.sqrt(6 / (last ? fanIn + outputs : fanIn));
    const weights = Float32Array.from({ length: fanIn * outputs }, () =>
      random.uniform(-limit, limit),
    );
    return tf.tidy(() => ({
      weights: tf.variable(tf.tensor2d(weights, [fanIn, outputs])),
      biases: tf.variable(tf.zeros([outputs])),
    }));
  });
}

function networkOf(layers: readonly LayerVariables[]): PolicyNetwork {
  return new PolicyNetwork(
    layers.map(({ weights, biases }): DenseLayer => {
      const [inputs, outputs] = weights.shape;
      return {
        inputs,
        outputs,
        weights: Float64Array.from(weights.dataSync()),
        biases: Float64Array.from(biases.dataSync()),
      };
    }),
  );
}

/** 0 .. n-1 in a seeded random order (Fisher-Yates). */
function shuffled(n: number, random: Random): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  return order;
}
