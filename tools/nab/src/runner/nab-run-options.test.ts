import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NabError } from '../errors.js';
import { parseNabRunOptions } from './nab-run-options.js';

const AVAILABLE = [
  'isolation_forest',
  'local_outlier_factor',
  'pca_reconstruction',
  'random_forest',
] as const;

function usageError(err: unknown): boolean {
  return err instanceof NabError && err.code === 'USAGE';
}

describe('parseNabRunOptions', () => {
  it('runs every available unsupervised detector by default', () => {
    const options = parseNabRunOptions({}, AVAILABLE);
    assert.deepEqual(options.detectors, [
      'isolation_forest',
      'local_outlier_factor',
      'pca_reconstruction',
    ]);
    assert.deepEqual(options.ensemble, [
      'local_outlier_factor',
      'pca_reconstruction',
    ]);
  });

  it('refuses a supervised detector: the benchmark has no labels to learn', () => {
    assert.throws(
      () => parseNabRunOptions({ detectors: ['random_forest'] }, AVAILABLE),
      usageError,
    );
  });

  it('lets the ensemble fall back to every detector run', () => {
    const options = parseNabRunOptions(
      { detectors: ['isolation_forest'] },
      AVAILABLE,
    );
    assert.deepEqual(options.ensemble, ['isolation_forest']);
  });

  it('refuses a negative refit period', () => {
    assert.throws(
      () => parseNabRunOptions({ refitEvery: -1 }, AVAILABLE),
      usageError,
    );
  });
});
