/**
 * Class loss curves on a common step axis: each student's history resampled into step buckets
 * (interpolated between the student's measurements), and each group's mean with its interquartile
 * spread. Pure functions, so the class view and the projector draw the same thing.
 */
import type { HistoryPoint } from "../../lib/protocol/training";

export interface ResampledCurves {
  steps: number[];
  /** participantId → loss per bucket (null before the student's first point and after their last). */
  students: Record<string, (number | null)[]>;
}

/**
 * A student's points in step order, a repeated report of the same loss kept only where it was
 * first measured (and at the end): browsers report every second but measure the loss less often,
 * and holding each value until the next would draw staircases.
 */
function measurements(points: HistoryPoint[]): HistoryPoint[] {
  const sorted = [...points].sort((a, b) => a.step - b.step);
  return sorted.filter((p, i) => i === 0 || i === sorted.length - 1 || p.trainLoss !== sorted[i - 1].trainLoss);
}

export function resample(history: Record<string, HistoryPoint[]>, buckets = 60): ResampledCurves {
  const maxStep = Math.max(1, ...Object.values(history).flatMap((points) => points.map((p) => p.step)));
  const steps = Array.from({ length: buckets }, (_, i) => Math.round(((i + 1) / buckets) * maxStep));
  const students: Record<string, (number | null)[]> = {};
  for (const [id, points] of Object.entries(history)) {
    const known = measurements(points);
    let j = 0;
    students[id] = steps.map((s) => {
      if (known.length === 0 || s < known[0].step || s > known[known.length - 1].step) return null;
      while (j + 1 < known.length && known[j + 1].step <= s) j++;
      const [a, b] = [known[j], known[Math.min(j + 1, known.length - 1)]];
      return b.step === a.step ? a.trainLoss : a.trainLoss + ((b.trainLoss - a.trainLoss) * (s - a.step)) / (b.step - a.step);
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
    const values = members
      .map((m) => curves.students[m]?.[i])
      .filter((v): v is number => v !== null && v !== undefined)
      .sort((a, b) => a - b);
    mean.push(values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
    p25.push(values.length ? quantile(values, 0.25) : null);
    p75.push(values.length ? quantile(values, 0.75) : null);
  });
  return { mean, p25, p75 };
}
