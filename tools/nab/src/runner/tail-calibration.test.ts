import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TailCalibration, logTail } from './tail-calibration.js';

/**
 * Relative to scipy.stats.norm.sf: the erfc approximation below z = 5,
 * the leading asymptotic term above it.
 */
const TAIL_TOLERANCE = 1e-6;
const ASYMPTOTIC_TOLERANCE = 1e-2;

describe('logTail', () => {
  it('matches the normal upper tail at known points', () => {
    // -log10(norm.sf(z)) for z = 1, 3, 6 (scipy).
    const known: [number, number][] = [
      [1, 0.7995455414919704],
      [3, 2.8696990359293695],
      [6, 9.005864327476706],
    ];
    for (const [z, expected] of known) {
      const gap = Math.abs(logTail(z) - expected) / expected;
      assert.ok(
        gap < (z >= 5 ? ASYMPTOTIC_TOLERANCE : TAIL_TOLERANCE),
        `z=${z}: ${logTail(z)}`,
      );
    }
    assert.equal(logTail(-2), 0);
  });
});

describe('TailCalibration', () => {
  function warmed(empirical: boolean): TailCalibration {
    const calibration = new TailCalibration(100, 10, 1, empirical);
    for (let i = 0; i < 100; i++) calibration.learn(i % 10);
    return calibration;
  }

  it('keeps every output in [0, 1] and ranks further tails higher', () => {
    for (const empirical of [false, true]) {
      const outs = [5, 9, 12, 20, 1e6].map((x) =>
        warmed(empirical).calibrate(x),
      );
      outs.forEach((o) => assert.ok(o >= 0 && o <= 1));
      for (let i = 1; i < outs.length; i++) assert.ok(outs[i] >= outs[i - 1]);
      assert.equal(outs[outs.length - 1], 1);
    }
  });

  it('reads a recurring score as common once the past holds it', () => {
    const empirical = warmed(true).calibrate(9);
    const gaussian = warmed(false).calibrate(9);
    // 10 of 100 past scores reach 9: q = 0.1, one decade of ten.
    assert.ok(Math.abs(empirical - 0.1) < 1e-12);
    assert.ok(gaussian > empirical);
  });

  it('scores the Gaussian tail of the past scores by hand', () => {
    // Past 0, 2, 0, 2, ...: mean 1, standard deviation 1. A score of 4
    // is z = 3: -log10(norm.sf(3)) = 2.8697 decades, of 10.
    const calibration = new TailCalibration(100, 10, 1, false);
    for (let i = 0; i < 100; i++) calibration.learn(2 * (i % 2));
    const out = calibration.calibrate(4);
    assert.ok(Math.abs(out - 0.28696990359293695) < TAIL_TOLERANCE);
  });

  it('gives 0 to the first score, with no past to compare', () => {
    assert.equal(new TailCalibration(10, 10).calibrate(123), 0);
  });
});
