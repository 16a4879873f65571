/**
 * Ablation groups compared: each group's mean and spread (sample standard deviation), and a
 * one-line conclusion ordering the groups, best first ("LSTM reached 1.9 bits/char, vanilla RNN
 * 2.6"). The measure is the verified public bits/char when any student of the model session
 * has one; otherwise the last training loss in bits/char (so a round without submissions still
 * gets a comparison, marked as such).
 */
import { mean, stdev } from "./stats";

export type AblationMeasure = "verifiedBpc" | "trainBpc";

export interface AblationInput {
  groups: readonly { id: string; label: string; position: number }[];
  /** participantId → groupId */
  assignments: ReadonlyMap<string, string>;
  /** participantId → best verified public bits/char in this model session */
  bestBpc: ReadonlyMap<string, number>;
  /** participantId → last training loss (nats/char) in this model session */
  trainLoss: ReadonlyMap<string, number>;
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

export interface AblationSummary {
  measure: AblationMeasure;
  groups: GroupSummary[];
  /** Groups with a mean, best (lowest) first: what the conclusion line says. */
  ranking: { label: string; value: number }[];
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
    return loss === undefined ? undefined : loss / Math.LN2; // nats → bits (lib/engine/train.ts bitsPerChar)
  };
  const groups = [...input.groups].sort((a, b) => a.position - b.position).map((g) => {
    const ids = members.get(g.id) ?? [];
    const values = ids.flatMap((p) => {
      const v = valueOf(p);
      return v === undefined ? [] : [v];
    });
    return { groupId: g.id, label: g.label, members: ids.length, measured: values.length, mean: mean(values), sd: stdev(values) };
  });
  const ranking = groups.flatMap((g) => (g.mean === null ? [] : [{ label: g.label, value: g.mean }])).sort((a, b) => a.value - b.value);
  return { measure, groups, ranking };
}
