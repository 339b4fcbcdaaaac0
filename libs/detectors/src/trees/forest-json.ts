import { ModelFormatError } from '../errors.js';
import type { FlatForest } from './flat-forest.js';

/** A FlatForest as plain arrays, for model files. */
export interface FlatForestJson {
  readonly roots: number[];
  readonly feature: number[];
  readonly threshold: number[];
  readonly left: number[];
  readonly value: number[];
}

export function forestToJSON(forest: FlatForest): FlatForestJson {
  return {
    roots: Array.from(forest.roots),
    feature: Array.from(forest.feature),
    threshold: Array.from(forest.threshold),
    left: Array.from(forest.left),
    value: Array.from(forest.value),
  };
}

/**
 * Rebuilds a forest, checking that every index points inside it and that
 * children come after their parent (so no walk can loop).
 */
export function forestFromJSON(
  json: unknown,
  featureCount: number,
): FlatForest {
  const fields = asRecord(json, 'forest');
  const forest: FlatForest = {
    roots: Int32Array.from(numberArray(fields.roots, 'forest.roots')),
    feature: Int32Array.from(numberArray(fields.feature, 'forest.feature')),
    threshold: Float64Array.from(
      numberArray(fields.threshold, 'forest.threshold'),
    ),
    left: Int32Array.from(numberArray(fields.left, 'forest.left')),
    value: Float64Array.from(numberArray(fields.value, 'forest.value')),
  };
  checkShape(forest);
  checkNodes(forest, featureCount);
  return forest;
}

function asRecord(json: unknown, name: string): Record<string, unknown> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ModelFormatError(`${name} is ${String(json)}: expected object`);
  }
  return json as Record<string, unknown>;
}

function numberArray(value: unknown, name: string): number[] {
  if (!Array.isArray(value)) {
    throw new ModelFormatError(`${name} is not an array: expected numbers`);
  }
  for (const item of value) {
    if (typeof item !== 'number' || !Number.isFinite(item)) {
      throw new ModelFormatError(
        `${name} holds ${String(item)}: expected finite numbers`,
      );
    }
  }
  return value as number[];
}

function checkShape(forest: FlatForest): void {
  const nodes = forest.feature.length;
  const lengths = [forest.threshold, forest.left, forest.value].map(
    (array) => array.length,
  );
  if (lengths.some((length) => length !== nodes) || nodes === 0) {
    throw new ModelFormatError(
      `forest arrays have lengths ${nodes}, ${lengths.join(', ')}: ` +
        'expected equal, non-zero lengths',
    );
  }
  for (const root of forest.roots) {
    if (root < 0 || root >= nodes) {
      throw new ModelFormatError(`forest root ${root}: expected [0, ${nodes})`);
    }
  }
}

function checkNodes(forest: FlatForest, featureCount: number): void {
  const nodes = forest.feature.length;
  for (let node = 0; node < nodes; node++) {
    const f = forest.feature[node];
    if (f === -1) continue;
    const child = forest.left[node];
    if (f < 0 || f >= featureCount || child <= node || child + 1 >= nodes) {
      throw new ModelFormatError(
        `forest node ${node} tests feature ${f} with children at ${child}: ` +
          `expected a feature in [0, ${featureCount}) and children after ` +
          'the node',
      );
    }
  }
}
