/**
 * F15: the class model against the best single student at equal wall-clock time (the projector's
 * and the console's card). Pure: the browser computes it from the versions and the telemetry
 * history it already holds; the tests table it.
 */

export interface TimedVersion {
  version: number;
  valLoss: number;
  /** Server time the version was stored (ms). */
  at: number;
}

export interface TimedPoint {
  participantId: string;
  valLoss: number | null;
  /** Server time of the telemetry point (ms). */
  at: number;
}

export interface Comparison {
  /** The equal wall-clock time both sides had (ms). */
  atMs: number;
  classLoss: number;
  classVersion: number;
  best: { participantId: string; valLoss: number };
  /** Students alone whose curve reaches `atMs`. */
  students: number;
}

/**
 * `members`: the students inside the class model (their points after version 0 was made are not
 * solo training); everyone else's points, and members' points before, are solo curves.
 */
export function classVsBest(versions: readonly TimedVersion[], history: readonly TimedPoint[], members: ReadonlySet<string>): Comparison | null {
  if (versions.length === 0) return null;
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const classStart = sorted[0].at;
  const solo = new Map<string, TimedPoint[]>();
  for (const p of history) {
    if (members.has(p.participantId) && p.at >= classStart) continue;
    (solo.get(p.participantId) ?? solo.set(p.participantId, []).get(p.participantId)!).push(p);
  }
  const curves = [...solo].map(([participantId, points]) => {
    points.sort((a, b) => a.at - b.at);
    const start = points[0].at;
    return {
      participantId,
      span: points.at(-1)!.at - start,
      val: points.filter((p) => p.valLoss !== null).map((p) => ({ t: p.at - start, loss: p.valLoss! })),
    };
  });
  const longest = Math.max(0, ...curves.filter((c) => c.val.length > 0).map((c) => c.span));
  const atMs = Math.min(sorted.at(-1)!.at - classStart, longest);
  let best: Comparison["best"] | null = null;
  let students = 0;
  for (const c of curves) {
    if (c.span < atMs) continue;
    const reached = c.val.filter((p) => p.t <= atMs).at(-1);
    if (!reached) continue;
    students++;
    if (!best || reached.loss < best.valLoss) best = { participantId: c.participantId, valLoss: reached.loss };
  }
  if (!best) return null;
  const classAt = sorted.filter((v) => v.at - classStart <= atMs).at(-1)!;
  return { atMs, classLoss: classAt.valLoss, classVersion: classAt.version, best, students };
}
