import assert from 'node:assert/strict';
import { it } from 'node:test';

import type { Detector } from '../../core/detector.js';
import { matrixFromRows } from '../../core/feature-matrix.js';

/**
 * The bad-input checks every supervised tree detector must pass: labels of
 * both classes, one per row, in {0, 1}; no score before fit; finite rows of
 * the fitted width. Call inside a `describe`; `make` builds a small,
 * unfitted detector.
 */
export function supervisedInputChecks(make: () => Detector): void {
  const x = matrixFromRows([
    [0, 1],
    [1, 0],
    [2, 2],
  ]);

  void it('needs labels of both classes, one per row', () => {
    const detector = make();
    assert.throws(() => detector.fit(x, Uint8Array.of(0, 0, 0)), {
      code: 'INSUFFICIENT_DATA',
    });
    assert.throws(() => detector.fit(x), { code: 'INVALID_INPUT' });
    assert.throws(() => detector.fit(x, Uint8Array.of(0, 1)), {
      code: 'INVALID_INPUT',
    });
    assert.throws(() => detector.fit(x, Uint8Array.of(0, 1, 2)), {
      code: 'INVALID_INPUT',
    });
  });

  void it('refuses to score before fit, and rejects bad rows after', () => {
    const detector = make();
    assert.throws(() => detector.score(Float64Array.of(0, 0)), {
      code: 'NOT_FITTED',
    });
    detector.fit(x, Uint8Array.of(0, 1, 1));
    assert.throws(() => detector.score(Float64Array.of(NaN, 0)), {
      code: 'INVALID_INPUT',
    });
    assert.throws(() => detector.score(Float64Array.of(0)), {
      code: 'FEATURE_COUNT',
    });
  });
}
