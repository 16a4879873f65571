/**
 * Class loss curves on a common step axis: each student's history resampled into step buckets
 * (the last loss at or before each bucket), and each group's mean with its interquartile spread.
 * Pure functions, so the class view and the projector draw the same thing.
 */
import type { HistoryPoint } from "../../lib/protocol/training";

export interface ResampledCurves {
  steps: number[];
  /** participantId → loss per bucket (null before the student's first point). */
  students: Record<string, (number | null)[]>;
}

export function resample(history: Record<string, HistoryPoint[]>, buckets = 60): ResampledCurves {
  const maxStep = Math.max(1, ...Object.values(history).flatMap((points) => points.map((p) => p.step)));
  const steps = Array.from({ length: buckets }, (_, i) => Math.round(((i + 1) / buckets) * maxStep));
  const students: Record<string, (number | null)[]> = {};
  for (const [id, points] of Object.entries(history)) {
    const sorted = [...points].sort((a, b) => a.step - b.step);
    let j = -1;
    students[id] = steps.map((s) => {
      while (j + 1 < sorted.length && sorted[j + 1].step <= s) j++;
      return j >= 0 && s <= sorted[sorted.length - 1].step ? sorted[j].trainLoss : null;
    });
  }
  return { steps, students };
}

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (pos - lo);
}

export interface GroupCurve {
  mean: (number | null)[];
  p25: (number | null)[];
  p75: (number | null)[];
}

/** Mean and interquartile range per bucket over the given students. */
export function groupCurve(curves: ResampledCurves, members: string[]): GroupCurve {
  const mean: (number | null)[] = [];
  const p25: (number | null)[] = [];
  const p75: (number | null)[] = [];
  curves.steps.forEach((_, i) => {
    const values = members.map((m) => curves.students[m]?.[i]).filter((v): v is number => v !== null && v !== undefined).sort((a, b) => a - b);
    mean.push(values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
    p25.push(values.length ? quantile(values, 0.25) : null);
    p75.push(values.length ? quantile(values, 0.75) : null);
  });
  return { mean, p25, p75 };
}
