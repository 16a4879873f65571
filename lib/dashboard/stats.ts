/**
 * Summary statistics for the dashboard: the class median and its spread (the interquartile
 * range, p25–p75), and mean ± standard deviation for ablation groups.
 */

export interface Spread {
  /** How many values were summarised. */
  n: number;
  median: number | null;
  p25: number | null;
  p75: number | null;
}

/** Linear-interpolated quantile (the R-7 / spreadsheet method) of finite values; null when empty. */
export function quantile(values: readonly number[], q: number): number | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function spreadOf(values: readonly number[]): Spread {
  const finite = values.filter(Number.isFinite);
  return { n: finite.length, median: quantile(finite, 0.5), p25: quantile(finite, 0.25), p75: quantile(finite, 0.75) };
}

export function mean(values: readonly number[]): number | null {
  const finite = values.filter(Number.isFinite);
  return finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : null;
}

/** Sample standard deviation (n − 1); 0 for one value, null for none. */
export function stdev(values: readonly number[]): number | null {
  const finite = values.filter(Number.isFinite);
  const m = mean(finite);
  if (m === null) return null;
  if (finite.length === 1) return 0;
  return Math.sqrt(finite.reduce((a, v) => a + (v - m) ** 2, 0) / (finite.length - 1));
}
