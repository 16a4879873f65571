/**
 * Combining a round's updates into the next class-model version (F7–F9). Pure functions on flat
 * parameter vectors (every parameter of the configuration, concatenated in the engine's canonical
 * order); they run in the aggregation worker thread, never on the server's event loop.
 */

export const COMBINERS = ["fedavg", "trimmedMean", "median"] as const;
export type Combiner = (typeof COMBINERS)[number];

/** F7: a delta norm above this multiple of the round's median is refused. */
export const NORM_OUTLIER_FACTOR = 4;
/** F7: the norm rule applies from this many updates on (a median of two says nothing). */
export const NORM_RULE_MIN_UPDATES = 3;
/** F8: share of the values trimmed from each end, per coordinate. */
export const TRIM_FRACTION = 0.1;

export interface Update {
  id: string;
  /** The student's weights after the round's local steps, flat. */
  values: Float32Array;
  /** Characters trained on (F6), the FedAvg weight. */
  chars: number;
}

export type RefusalReason = "NORM_OUTLIER" | "EMPTY";

/** L2 norm of `values − base`, in float64. */
export function deltaNorm(values: Float32Array, base: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - base[i];
    sum += d * d;
  }
  return Math.sqrt(sum);
}

function medianOf(sorted: readonly number[]): number {
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** F7: which updates are refused before combining, and why. */
export function screenUpdates(
  base: Float32Array,
  updates: readonly Update[],
): { accepted: Update[]; refused: { id: string; reason: RefusalReason; norm: number }[] } {
  const norms = updates.map((u) => deltaNorm(u.values, base));
  const nonZero = norms.filter((n) => n > 0).sort((a, b) => a - b);
  const limit = nonZero.length >= NORM_RULE_MIN_UPDATES ? NORM_OUTLIER_FACTOR * medianOf(nonZero) : Infinity;
  const accepted: Update[] = [];
  const refused: { id: string; reason: RefusalReason; norm: number }[] = [];
  updates.forEach((u, i) => {
    if (norms[i] === 0) refused.push({ id: u.id, reason: "EMPTY", norm: 0 });
    else if (norms[i] > limit) refused.push({ id: u.id, reason: "NORM_OUTLIER", norm: norms[i] });
    else accepted.push(u);
  });
  return { accepted, refused };
}

/** Values trimmed from each end of n (F8): ⌊0.1·n⌋, at least 1 from n = 3 on. */
export function trimCount(n: number): number {
  if (n < 3) return 0;
  return Math.max(1, Math.floor(TRIM_FRACTION * n));
}

export interface Combination {
  values: Float32Array;
  /** F9: each update's share of the new version (sums to 1). */
  shares: Map<string, number>;
}

/** F8: base + the combined deltas of `updates` (which must be non-empty and screened). */
export function combine(combiner: Combiner, base: Float32Array, updates: readonly Update[]): Combination {
  if (updates.length === 0) throw new RangeError("nothing to combine");
  for (const u of updates)
    if (u.values.length !== base.length) throw new RangeError(`update ${u.id} has ${u.values.length} values; the model has ${base.length}`);
  switch (combiner) {
    case "fedavg":
      return fedAvg(updates);
    case "trimmedMean":
      return coordinateWise(base, updates, trimCount(updates.length), false);
    case "median":
      return coordinateWise(base, updates, 0, true);
    default: {
      const unknown: never = combiner;
      throw new Error(`unknown combiner ${String(unknown)}`);
    }
  }
}

/** Σ (chars_k / Σ chars) · w_k, which equals base + the weighted mean of the deltas. */
function fedAvg(updates: readonly Update[]): Combination {
  const total = updates.reduce((sum, u) => sum + u.chars, 0);
  const weights = updates.map((u) => (total > 0 ? u.chars / total : 1 / updates.length));
  const values = new Float32Array(updates[0].values.length);
  for (let i = 0; i < values.length; i++) {
    let v = 0;
    for (let k = 0; k < updates.length; k++) v += weights[k] * updates[k].values[i];
    values[i] = v;
  }
  return { values, shares: new Map(updates.map((u, k) => [u.id, weights[k]])) };
}

/**
 * Per coordinate: sort the n values, drop `trim` from each end and average the rest (trimmed
 * mean), or take the median. Counts how often each update's value was used (F9).
 */
function coordinateWise(base: Float32Array, updates: readonly Update[], trim: number, median: boolean): Combination {
  const n = updates.length;
  const values = new Float32Array(base.length);
  const used = new Float64Array(n);
  const order = Array.from({ length: n }, (_, k) => k);
  const column = new Float64Array(n);
  for (let i = 0; i < base.length; i++) {
    for (let k = 0; k < n; k++) column[k] = updates[k].values[i];
    order.sort((a, b) => column[a] - column[b]);
    let from: number;
    let to: number; // kept: order[from .. to)
    if (median) {
      from = Math.floor((n - 1) / 2);
      to = Math.floor(n / 2) + 1;
    } else {
      from = trim;
      to = n - trim;
    }
    let sum = 0;
    for (let j = from; j < to; j++) {
      sum += column[order[j]];
      used[order[j]] += 1 / (to - from);
    }
    values[i] = sum / (to - from);
  }
  return { values, shares: new Map(updates.map((u, k) => [u.id, used[k] / base.length])) };
}
