/**
 * The benchmark's scaled sigmoid: +1 far before a window's end, 0 at its
 * end, towards -1 after it. Positions past 3 (far behind a window) are -1.
 */
export function scaledSigmoid(position: number): number {
  if (position > 3) return -1;
  return 2 / (1 + Math.exp(5 * position)) - 1;
}

/** The weight of a detection at a window's first row: `s(-1)`. */
export const MAX_TP_WEIGHT = scaledSigmoid(-1);
