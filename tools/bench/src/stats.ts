/** Latency figures of one series, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/**
 * The p-th percentile (0 < p <= 100) by the nearest-rank method: the smallest sample with at
 * least p % of the samples at or below it. Always one of the samples, so a p99 of 100 samples
 * is the second-largest and never an interpolation. NaN for no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`A percentile lies in (0, 100], not ${p}.`);
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

/** Count, p50, p99, max and mean of a series; NaN figures when it is empty. */
export function summarize(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) return { count: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.ceil((p / 100) * sorted.length) - 1];
  return { count: sorted.length, p50: at(50), p99: at(99), max: sorted[sorted.length - 1], mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length };
}

/** Rounds for display and JSON: 3 significant figures below 100, whole numbers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}
