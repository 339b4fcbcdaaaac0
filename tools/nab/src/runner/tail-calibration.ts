/**
 * Turns a detector's raw scores into [0, 1] from the past only, in the
 * spirit of the benchmark's HTM anomaly likelihood: each (optionally
 * smoothed) raw score gets an upper-tail probability q against the last
 * `history` raw scores, and the output is `-log10(q) / decades`, clipped
 * to [0, 1].
 *
 * q is empirical where the past resolves it: the share of past scores at
 * or above this one. A pattern that recurs (a daily spike) then stops
 * looking rare after a few occurrences. Beyond every past score, q falls
 * below 1/n by the Gaussian tail of the past scores, so unprecedented
 * rows stay apart from one another on the log scale. With `empirical`
 * off (the benchmark's default), q is the Gaussian tail throughout, as
 * in the HTM anomaly likelihood.
 */
export class TailCalibration {
  private readonly ring: Float64Array;
  private head = 0;
  private count = 0;
  private sum = 0;
  private squares = 0;
  private readonly recent: Float64Array;
  private recentHead = 0;
  private recentCount = 0;
  private recentSum = 0;

  constructor(
    history: number,
    private readonly decades: number,
    smooth = 1,
    private readonly empirical = true,
  ) {
    this.ring = new Float64Array(history);
    this.recent = new Float64Array(smooth);
  }

  /** Learns a raw score without calibrating it. */
  learn(raw: number): void {
    this.remember(this.smoothed(raw));
  }

  /** Calibrates a raw score against the past, then learns it. */
  calibrate(rawScore: number): number {
    const raw = this.smoothed(rawScore);
    const n = Math.min(this.count, this.ring.length);
    const out = n === 0 ? 0 : -Math.log10(this.tail(raw, n)) / this.decades;
    this.remember(raw);
    return Math.min(1, out);
  }

  private tail(raw: number, n: number): number {
    const mean = this.sum / n;
    const variance = this.squares / n - mean * mean;
    const std = Math.sqrt(Math.max(variance, 0)) + 1e-12 * (1 + Math.abs(mean));
    const z = (raw - mean) / std;
    if (!this.empirical) return 10 ** -logTail(z);
    let above = 0;
    let top = -Infinity;
    for (let i = 0; i < n; i++) {
      if (this.ring[i] >= raw) above++;
      if (this.ring[i] > top) top = this.ring[i];
    }
    if (above > 0) return above / n;
    const beyond = logTail(z) - logTail((top - mean) / std);
    return 10 ** -Math.max(0, beyond) / n;
  }

  /** The mean of the last `smooth` raw scores, this one included. */
  private smoothed(raw: number): number {
    if (this.recentCount >= this.recent.length) {
      this.recentSum -= this.recent[this.recentHead];
    }
    this.recent[this.recentHead] = raw;
    this.recentHead = (this.recentHead + 1) % this.recent.length;
    this.recentCount++;
    this.recentSum += raw;
    return this.recentSum / Math.min(this.recentCount, this.recent.length);
  }

  private remember(raw: number): void {
    if (this.count >= this.ring.length) {
      const old = this.ring[this.head];
      this.sum -= old;
      this.squares -= old * old;
    }
    this.ring[this.head] = raw;
    this.head = (this.head + 1) % this.ring.length;
    this.count++;
    this.sum += raw;
    this.squares += raw * raw;
  }
}

/** `-log10` of the standard normal upper tail at z (0 for z <= 0). */
export function logTail(z: number): number {
  if (z <= 0) return 0;
  if (z < 5) return -Math.log10(0.5 * erfc(z / Math.SQRT2));
  const ln = -(z * z) / 2 - Math.log(z * Math.sqrt(2 * Math.PI));
  return -ln / Math.LN10;
}

/** Complementary error function, Numerical Recipes' erfcc (|err| < 1.2e-7). */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t *
                              (1.48851587 +
                                t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(poly);
  return x >= 0 ? r : 2 - r;
}
