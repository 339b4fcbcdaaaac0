import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { InvalidSensorOptionError } from './errors.js';
import { DEFAULT_TOP_N, parseHostSamplerOptions } from './sampler-options.js';

describe('parseHostSamplerOptions', () => {
  it('fills defaults and freezes', () => {
    const options = parseHostSamplerOptions();
    assert.equal(options.topN, DEFAULT_TOP_N);
    assert.equal(options.nvidiaSmiCommand, 'nvidia-smi');
    assert.ok(Object.isFrozen(options));
  });

  it('keeps null as "no GPU reading"', () => {
    const options = parseHostSamplerOptions({ nvidiaSmiCommand: null });
    assert.equal(options.nvidiaSmiCommand, null);
  });

  it('rejects an out-of-range option, naming it and the value', () => {
    assert.throws(
      () => parseHostSamplerOptions({ topN: -1 }),
      (err: unknown) =>
        err instanceof InvalidSensorOptionError &&
        err.code === 'INVALID_OPTION' &&
        /topN -1/.test(err.message),
    );
    assert.throws(
      () => parseHostSamplerOptions({ hangTimeoutMs: 0 }),
      InvalidSensorOptionError,
    );
  });
});
