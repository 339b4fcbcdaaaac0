import type { DetectorName } from '../core/detector.js';
import { ModelFormatError } from '../errors.js';

/** The fields every detector JSON shares, checked. */
export interface ModelHeader {
  readonly threshold: number;
  readonly featureCount: number;
  readonly fields: Record<string, unknown>;
}

/**
 * Checks `kind`, `version`, `threshold` and `featureCount` of a model JSON
 * and returns its fields for the detector to read the rest.
 */
export function readModelHeader(
  json: unknown,
  kind: DetectorName,
  version: number,
): ModelHeader {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ModelFormatError(`model is ${String(json)}: expected object`);
  }
  const fields = json as Record<string, unknown>;
  if (fields.kind !== kind || fields.version !== version) {
    throw new ModelFormatError(
      `model is ${String(fields.kind)} version ${String(fields.version)}: ` +
        `expected ${kind} version ${version}`,
    );
  }
  return {
    threshold: finiteField(fields, 'threshold'),
    featureCount: countField(fields, 'featureCount'),
    fields,
  };
}

/** A finite number field of a model JSON. */
export function finiteField(
  fields: Record<string, unknown>,
  name: string,
): number {
  const value = fields[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ModelFormatError(
      `${name} is ${String(value)}: expected a finite number`,
    );
  }
  return value;
}

/** A positive integer field of a model JSON. */
export function countField(
  fields: Record<string, unknown>,
  name: string,
): number {
  const value = finiteField(fields, name);
  if (!Number.isInteger(value) || value < 1) {
    throw new ModelFormatError(
      `${name} is ${value}: expected a positive integer`,
    );
  }
  return value;
}

/** An array field of exactly `length` finite numbers, as a Float64Array. */
export function finiteArrayField(
  fields: Record<string, unknown>,
  name: string,
  length: number,
): Float64Array {
  const value = fields[name];
  if (
    !Array.isArray(value) ||
    value.length !== length ||
    !value.every((v) => typeof v === 'number' && Number.isFinite(v))
  ) {
    throw new ModelFormatError(
      `${name} is not an array of ${length} finite numbers`,
    );
  }
  return Float64Array.from(value as number[]);
}
