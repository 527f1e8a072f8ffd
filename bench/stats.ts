/** Summaries of repeated timings: median, min and max, in milliseconds. */
export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
}

export function summarize(times: readonly number[]): Summary {
  if (!times.length) throw new Error('no timings to summarize');
  const sorted = [...times].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { runs: sorted.length, median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** `12.3 ms (11.9–14.0)` */
export const fmtSummary = (s: Summary, digits = 1) => `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;

/**
 * The exponent k of t ≈ c·n^k between two sizes, from their medians: 1 is linear, 2 quadratic.
 * Fixed costs pull it below 1 at small sizes; compare the last steps.
 */
export const growthExponent = (n1: number, t1: number, n2: number, t2: number) => Math.log(t2 / t1) / Math.log(n2 / n1);
