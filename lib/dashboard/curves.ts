/**
 * Loss curves for reports: a stored history (one point every ~5 s) thinned to at most `max`
 * points, keeping the first and last points and evenly spaced ones between, so a long session
 * redraws with the same shape at a bounded cost.
 */

export function downsample<T>(points: readonly T[], max: number): T[] {
  if (max < 2) throw new Error("downsample needs max >= 2");
  if (points.length <= max) return [...points];
  const out: T[] = [];
  const stride = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * stride)]);
  return out;
}

/** Per-session cap on the student page (the bound). */
export const STUDENT_CURVE_MAX_POINTS = 500;
/** Per-student cap on the session report, where a whole class is drawn at once. */
export const SESSION_CURVE_MAX_POINTS = 200;
