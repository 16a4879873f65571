/**
 * Ablation groups compared, honestly (rules A1–A4 in lib/dashboard/ABLATION.md): each group's size,
 * mean and spread; the groups at equal steps and at equal training time (an LSTM step costs about
 * four RNN steps, so "the same time" and "the same steps" can disagree); and a verdict that says
 * "not enough evidence" unless every group has enough students and the gap is larger than the noise.
 *
 * The headline measure is the verified public bits/char when any student of the model session has
 * one; otherwise the last training loss in bits/char (marked as such).
 */
import { mean, stdev } from "./stats";

export type AblationMeasure = "verifiedBpc" | "trainBpc";

/** A1: fewer measured students than this in any group and no conclusion is drawn. */
export const MIN_STUDENTS_PER_GROUP = 2;
/** A2: the gap between the two best groups must exceed this many standard errors of the difference (≈ 95 %). */
export const GAP_STANDARD_ERRORS = 2;

/** [step, trainLoss (nats/char), valLoss] — the stored history, as the dashboard reads it. */
export type CurvePoint = readonly [number, number, number | null];

export interface AblationInput {
  groups: readonly { id: string; label: string; position: number }[];
  /** participantId → groupId */
  assignments: ReadonlyMap<string, string>;
  /** participantId → best verified public bits/char in this model session */
  bestBpc: ReadonlyMap<string, number>;
  /** participantId → last training loss (nats/char) in this model session */
  trainLoss: ReadonlyMap<string, number>;
  /** participantId → training-loss history, by step */
  curves?: ReadonlyMap<string, readonly CurvePoint[]>;
  /** participantId → steps done and milliseconds spent training (the latest progress) */
  effort?: ReadonlyMap<string, { step: number; ms: number }>;
}

export interface GroupSummary {
  groupId: string;
  label: string;
  members: number;
  /** How many members the measure covers. */
  measured: number;
  mean: number | null;
  sd: number | null;
}

export interface Ranking {
  label: string;
  value: number;
}

/** A comparison of training loss (bits/char) at one common point: a step, or seconds of training. */
export interface AtEqual {
  at: number;
  ranking: Ranking[];
}

export type Verdict = { kind: "leads"; label: string } | { kind: "notEnough"; reason: "fewStudents" | "overlap" | "stepsAndTimeDisagree" };

export interface AblationSummary {
  measure: AblationMeasure;
  groups: GroupSummary[];
  /** Groups with a mean, best (lowest) first. */
  ranking: Ranking[];
  /** A3: training loss at the highest step every group's students reached. */
  atEqualSteps: AtEqual | null;
  /** A3: training loss after the shortest training time among the students. */
  atEqualTime: AtEqual | null;
  verdict: Verdict;
}

/** The training loss at `step`, linearly interpolated between stored points; null past the curve's end. */
export function lossAtStep(curve: readonly CurvePoint[], step: number): number | null {
  if (curve.length === 0 || step > curve[curve.length - 1][0]) return null;
  let before = curve[0];
  if (step <= before[0]) return before[1];
  for (const point of curve) {
    if (point[0] >= step) {
      const span = point[0] - before[0];
      return span === 0 ? point[1] : before[1] + ((point[1] - before[1]) * (step - before[0])) / span;
    }
    before = point;
  }
  return null;
}

const toBits = (nats: number) => nats / Math.LN2; // nats → bits (lib/engine/train.ts bitsPerChar)

function rank(groups: readonly { label: string; values: number[] }[]): Ranking[] {
  return groups
    .flatMap((g) => {
      const m = mean(g.values);
      return m === null ? [] : [{ label: g.label, value: m }];
    })
    .sort((a, b) => a.value - b.value);
}

export function compareGroups(input: AblationInput): AblationSummary | null {
  if (input.groups.length === 0) return null;
  const members = new Map<string, string[]>();
  for (const [participantId, groupId] of input.assignments) members.set(groupId, [...(members.get(groupId) ?? []), participantId]);
  const assigned = [...input.assignments.keys()];
  const measure: AblationMeasure = assigned.some((p) => input.bestBpc.has(p)) ? "verifiedBpc" : "trainBpc";
  const valueOf = (p: string): number | undefined => {
    if (measure === "verifiedBpc") return input.bestBpc.get(p);
    const loss = input.trainLoss.get(p);
    return loss === undefined ? undefined : toBits(loss);
  };
  const ordered = [...input.groups]
    .sort((a, b) => a.position - b.position)
    .map((g) => {
      const ids = members.get(g.id) ?? [];
      const values = ids.flatMap((p) => {
        const v = valueOf(p);
        return v === undefined ? [] : [v];
      });
      return { ...g, ids, values };
    });
  const groups = ordered.map((g) => ({
    groupId: g.id,
    label: g.label,
    members: g.ids.length,
    measured: g.values.length,
    mean: mean(g.values),
    sd: stdev(g.values),
  }));
  const ranking = rank(ordered);

  const curves = input.curves ?? new Map();
  const withCurve = assigned.filter((p) => (curves.get(p)?.length ?? 0) > 0);
  const atEqualSteps = ((): AtEqual | null => {
    if (withCurve.length === 0) return null;
    const step = Math.min(...withCurve.map((p) => curves.get(p)!.at(-1)![0]));
    if (step <= 0) return null;
    return {
      at: step,
      ranking: rank(
        ordered.map((g) => ({
          label: g.label,
          values: g.ids.flatMap((p) => {
            const l = lossAtStep(curves.get(p) ?? [], step);
            return l === null ? [] : [toBits(l)];
          }),
        })),
      ),
    };
  })();
  const effort = input.effort ?? new Map();
  const timed = withCurve.filter((p) => (effort.get(p)?.ms ?? 0) > 0);
  const atEqualTime = ((): AtEqual | null => {
    if (timed.length === 0) return null;
    const ms = Math.min(...timed.map((p) => effort.get(p)!.ms));
    // Steps reached after `ms`, at the student's average pace (their pace is steady once training runs).
    const lossAfter = (p: string) => {
      const e = effort.get(p);
      const l = e && e.ms > 0 ? lossAtStep(curves.get(p) ?? [], (e.step * ms) / e.ms) : null;
      return l === null ? [] : [toBits(l)];
    };
    return {
      at: Math.round(ms / 1000),
      ranking: rank(ordered.map((g) => ({ label: g.label, values: g.ids.filter((p) => timed.includes(p)).flatMap(lossAfter) }))),
    };
  })();

  return { measure, groups, ranking, atEqualSteps, atEqualTime, verdict: verdictOf(groups, atEqualSteps, atEqualTime) };
}

/** A1, A2, A4: a group "leads" only with enough students, a gap beyond the noise, and the same leader at equal steps and equal time. */
function verdictOf(groups: GroupSummary[], atSteps: AtEqual | null, atTime: AtEqual | null): Verdict {
  if (groups.some((g) => g.measured < MIN_STUDENTS_PER_GROUP)) return { kind: "notEnough", reason: "fewStudents" };
  const [best, second] = [...groups].sort((a, b) => (a.mean ?? Infinity) - (b.mean ?? Infinity));
  const standardError = Math.sqrt((best.sd ?? 0) ** 2 / best.measured + (second.sd ?? 0) ** 2 / second.measured);
  if ((second.mean ?? 0) - (best.mean ?? 0) <= GAP_STANDARD_ERRORS * standardError) return { kind: "notEnough", reason: "overlap" };
  const leaders = [atSteps, atTime].flatMap((c) => (c && c.ranking.length > 0 ? [c.ranking[0].label] : []));
  if (leaders.some((l) => l !== leaders[0])) return { kind: "notEnough", reason: "stepsAndTimeDisagree" };
  return { kind: "leads", label: best.label };
}
