const STEP_BITS = 8;
const STEPS = 1 << STEP_BITS;
const STEPS_PER_LN2 = STEPS / Math.LN2;
/** ln2 / 256 in two parts: the high one has trailing zero bits. */
const LN2_STEP_HIGH = 6.9314718036912381649e-1 / STEPS;
const LN2_STEP_LOW = 1.90821492927058770002e-10 / STEPS;
/** 1.5 · 2^52: adding and subtracting it rounds to the nearest integer. */
const ROUNDING_SHIFT = 6755399441055744;
/** Below this e^x is subnormal; the tables stop at 2^-1022. */
const MIN_ARGUMENT = -708;
const MAX_EXPONENT = 1022;

/** 2^(j / 256) for j = 0 .. 255. */
const FRACTION_POWERS = Float64Array.from({ length: STEPS }, (_, j) =>
  Math.pow(2, j / STEPS),
);
/** 2^e for e = -1022 .. 0, at index e + 1022. */
const POWERS_OF_TWO = Float64Array.from({ length: MAX_EXPONENT + 1 }, (_, i) =>
  Math.pow(2, i - MAX_EXPONENT),
);

/**
 * e^x by table and polynomial, for the RBF kernel's hot loop: `Math.exp`
 * is a call into V8's fdlibm port, this is a dozen inlined floating-point
 * operations and two table loads. Measured in the One-Class SVM's kernel
 * sum (168 calls a score, same runs): 3.2 µs a score against 4.3 µs with
 * `Math.exp`. Within 2 ulp of `Math.exp` over [-708, 0] (see
 * table-exp.test.ts); any other argument (positive, below -708 where
 * results turn subnormal, NaN) goes to `Math.exp` itself.
 *
 * x = (256 e + j) ln2 / 256 + r with |r| <= ln2 / 512, so
 * e^x = 2^e · 2^(j/256) · e^r: 2^e and 2^(j/256) come from tables and
 * e^r - 1 from a degree-5 Taylor polynomial (its error, r^6 / 720, is
 * under 1e-20). ln2 / 256 is split in two parts (Cody and Waite) so that
 * r is exact to the last bits.
 */
export function tableExp(x: number): number {
  if (!(x >= MIN_ARGUMENT && x <= 0)) return Math.exp(x);
  const shifted = x * STEPS_PER_LN2 + ROUNDING_SHIFT;
  const k = shifted - ROUNDING_SHIFT;
  const r = x - k * LN2_STEP_HIGH - k * LN2_STEP_LOW;
  const n = k | 0;
  const q = r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r / 120))));
  const fraction = FRACTION_POWERS[n & (STEPS - 1)];
  return (
    POWERS_OF_TWO[(n >> STEP_BITS) + MAX_EXPONENT] * (fraction + fraction * q)
  );
}
