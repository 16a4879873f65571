/**
 * Needs attention: the students a teacher should follow up, each with the reasons why. Rules
 * (thresholds from lib/dashboard/settings.ts, per class):
 *  - absent: missed each of the class's last `absentSessions` sessions (needs that many sessions);
 *  - neverTrained / stuck: in the latest session they attended that had a model pushed, no
 *    training report reached the server / fewer than `minSteps` steps;
 *  - behind: in the latest session where they have a verified score, it is more than
 *    `scoreGapBpc` bits/char above the class median of that session (lower is better);
 *  - concept: a concept's quiz accuracy is below `conceptAccuracy` after at least
 *    `conceptMinAnswers` answers.
 */
import { trailingAbsences, type AttendanceIndex } from "./attendance";
import type { ConceptTable } from "./concepts";
import type { ParticipantFacts } from "./facts";
import type { SessionRow } from "./rows";
import type { AttentionSettings } from "./settings";
import { quantile } from "./stats";

export type AttentionReason =
  | { kind: "absent"; sessions: number }
  | { kind: "neverTrained"; sessionId: string }
  | { kind: "stuck"; sessionId: string; steps: number }
  | { kind: "behind"; sessionId: string; bpc: number; classMedian: number }
  | { kind: "concept"; tag: string; accuracy: number; answered: number };

export interface AttentionInput {
  /** Oldest first. */
  sessions: readonly SessionRow[];
  /** Roster students to consider (archived ones are left out by the caller). */
  studentIds: readonly string[];
  attendance: AttendanceIndex;
  facts: ReadonlyMap<string, ParticipantFacts>;
  /** Sessions that had at least one model session pushed. */
  sessionsWithModels: ReadonlySet<string>;
  concepts: ConceptTable;
  settings: AttentionSettings;
}

export function needsAttention(input: AttentionInput): { rosterStudentId: string; reasons: AttentionReason[] }[] {
  const { sessions, attendance, facts, settings } = input;
  const medians = new Map<string, number | null>();
  const classMedian = (sessionId: string) => {
    if (!medians.has(sessionId)) {
      const scores = [...facts.values()].flatMap((f) => (f.sessionId === sessionId && f.rosterStudentId && f.bestBpc !== null ? [f.bestBpc] : []));
      medians.set(sessionId, quantile(scores, 0.5));
    }
    return medians.get(sessionId) ?? null;
  };

  const out: { rosterStudentId: string; reasons: AttentionReason[] }[] = [];
  for (const studentId of input.studentIds) {
    const attended = attendance.get(studentId);
    const reasons: AttentionReason[] = [];
    const absences = trailingAbsences(sessions, attended);
    if (sessions.length >= settings.absentSessions && absences >= settings.absentSessions) reasons.push({ kind: "absent", sessions: absences });

    const mine = sessions.flatMap((s) => {
      const participantId = attended?.get(s.id);
      const f = participantId ? facts.get(participantId) : undefined;
      return f ? [f] : [];
    }); // oldest first
    const lastTraining = mine.filter((f) => input.sessionsWithModels.has(f.sessionId)).at(-1);
    if (lastTraining && !lastTraining.trained) reasons.push({ kind: "neverTrained", sessionId: lastTraining.sessionId });
    else if (lastTraining && lastTraining.maxStep < settings.minSteps)
      reasons.push({ kind: "stuck", sessionId: lastTraining.sessionId, steps: lastTraining.maxStep });

    const lastScored = mine.filter((f) => f.bestBpc !== null).at(-1);
    if (lastScored && lastScored.bestBpc !== null) {
      const median = classMedian(lastScored.sessionId);
      if (median !== null && lastScored.bestBpc - median > settings.scoreGapBpc) {
        reasons.push({ kind: "behind", sessionId: lastScored.sessionId, bpc: lastScored.bestBpc, classMedian: median });
      }
    }

    const concepts = [...(input.concepts.get(studentId) ?? new Map()).entries()]
      .filter(([, c]) => c.answered >= settings.conceptMinAnswers && c.accuracy < settings.conceptAccuracy)
      .sort((a, b) => a[1].accuracy - b[1].accuracy || a[0].localeCompare(b[0]));
    for (const [tag, c] of concepts) reasons.push({ kind: "concept", tag, accuracy: c.accuracy, answered: c.answered });

    if (reasons.length) out.push({ rosterStudentId: studentId, reasons });
  }
  return out;
}
