import { ModelFormatError } from '../errors.js';

/** One dense layer: `weights` is inputs x outputs, row-major. */
export interface DenseLayer {
  readonly inputs: number;
  readonly outputs: number;
  readonly weights: Float64Array;
  readonly biases: Float64Array;
}

export interface DenseLayerJson {
  readonly inputs: number;
  readonly outputs: number;
  readonly weights: readonly number[];
  readonly biases: readonly number[];
}

/**
 * The agent's policy as plain arrays: ReLU hidden layers and one output
 * logit, evaluated in float64 with buffers allocated once. tfjs trains the
 * weights; scoring never touches tfjs.
 */
export class PolicyNetwork {
  readonly layers: readonly DenseLayer[];
  private readonly activations: Float64Array[];

  constructor(layers: readonly DenseLayer[]) {
    this.layers = layers;
    this.activations = layers.map((layer) => new Float64Array(layer.outputs));
  }

  static fromJSON(json: unknown, featureCount: number): PolicyNetwork {
    if (!Array.isArray(json) || json.length === 0) {
      throw new ModelFormatError(
        'rl_agent layers is not a list: expected at least one dense layer',
      );
    }
    let inputs = featureCount;
    const layers = json.map((layer, i) => {
      const dense = readLayer(layer, i, inputs);
      inputs = dense.outputs;
      return dense;
    });
    if (inputs !== 1) {
      throw new ModelFormatError(
        `rl_agent last layer has ${inputs} outputs: expected 1 (the alert logit)`,
      );
    }
    return new PolicyNetwork(layers);
  }

  /** The probability of alerting on `row`; no allocation. */
  alertProbability(row: Float64Array): number {
    let input: Float64Array = row;
    const last = this.layers.length - 1;
    for (let l = 0; l <= last; l++) {
      dense(this.layers[l], input, this.activations[l], l < last);
      input = this.activations[l];
    }
    return 1 / (1 + Math.exp(-input[0]));
  }

  toJSON(): DenseLayerJson[] {
    return this.layers.map((layer) => ({
      inputs: layer.inputs,
      outputs: layer.outputs,
      weights: Array.from(layer.weights),
      biases: Array.from(layer.biases),
    }));
  }
}

function dense(
  layer: DenseLayer,
  input: Float64Array,
  out: Float64Array,
  relu: boolean,
): void {
  const { inputs, outputs, weights, biases } = layer;
  out.set(biases);
  for (let i = 0; i < inputs; i++) {
    const x = input[i];
    const base = i * outputs;
    for (let j = 0; j < outputs; j++) out[j] += x * weights[base + j];
  }
  if (!relu) return;
  for (let j = 0; j < outputs; j++) if (out[j] < 0) out[j] = 0;
}

function readLayer(json: unknown, index: number, inputs: number): DenseLayer {
  const layer = json as Partial<DenseLayerJson> | null;
  const outputs = layer?.outputs;
  if (
    layer?.inputs !== inputs ||
    typeof outputs !== 'number' ||
    !Number.isInteger(outputs) ||
    outputs < 1 ||
    !isFiniteList(layer.weights, inputs * outputs) ||
    !isFiniteList(layer.biases, outputs)
  ) {
    throw new ModelFormatError(
      `rl_agent layer ${index} is malformed: expected ${inputs} inputs, ` +
        `a positive output count, ${inputs} x outputs finite weights ` +
        'and one finite bias per output',
    );
  }
  return {
    inputs,
    outputs,
    weights: Float64Array.from(layer.weights),
    biases: Float64Array.from(layer.biases),
  };
}

function isFiniteList(value: unknown, length: number): value is number[] {
  return (
    Array.isArray(value) &&
    value.length === length &&
    value.every((v) => typeof v === 'number' && Number.isFinite(v))
  );
}
