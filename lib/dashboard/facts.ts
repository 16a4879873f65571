/**
 * The student × session fact table every dashboard view is built from: for each participant,
 * training time and steps (summed over the session's model sessions), best verified score, and
 * quiz points and correctness. Rows are keyed by participant; roster students map to theirs.
 */
import type { AnswerRow, BestScoreRow, ParticipantRow, ProgressRow } from "./rows";

export interface ParticipantFacts {
  participantId: string;
  sessionId: string;
  rosterStudentId: string | null;
  /** Milliseconds of training, summed over the session's model sessions. */
  trainingMs: number;
  /** The highest step reached in any model session of the session (0: never trained). */
  maxStep: number;
  /** Whether any TrainingProgress exists (a report reached the server). */
  trained: boolean;
  /** Lowest verified public bits/char over the session's model sessions; null: none scored. */
  bestBpc: number | null;
  quizPoints: number;
  quizAnswered: number;
  /** Sum of correctness (0..1) over answered questions. */
  quizCorrect: number;
}

export function participantFacts(
  participants: readonly ParticipantRow[],
  progress: readonly ProgressRow[],
  bestScores: readonly BestScoreRow[],
  answers: readonly AnswerRow[],
): Map<string, ParticipantFacts> {
  const facts = new Map<string, ParticipantFacts>();
  for (const p of participants) {
    facts.set(p.id, {
      participantId: p.id,
      sessionId: p.sessionId,
      rosterStudentId: p.rosterStudentId,
      trainingMs: 0,
      maxStep: 0,
      trained: false,
      bestBpc: null,
      quizPoints: 0,
      quizAnswered: 0,
      quizCorrect: 0,
    });
  }
  for (const r of progress) {
    const f = facts.get(r.participantId);
    if (!f) continue;
    f.trainingMs += r.trainingMs;
    f.maxStep = Math.max(f.maxStep, r.step);
    f.trained = true;
  }
  for (const s of bestScores) {
    const f = facts.get(s.participantId);
    if (f && Number.isFinite(s.publicBpc) && (f.bestBpc === null || s.publicBpc < f.bestBpc)) f.bestBpc = s.publicBpc;
  }
  for (const a of answers) {
    const f = facts.get(a.participantId);
    if (!f) continue;
    f.quizPoints += a.points;
    f.quizAnswered++;
    f.quizCorrect += a.correctness;
  }
  return facts;
}

/** Quiz accuracy 0..1 of a set of facts (null: nothing answered). */
export function quizAccuracy(f: Pick<ParticipantFacts, "quizAnswered" | "quizCorrect">): number | null {
  return f.quizAnswered ? f.quizCorrect / f.quizAnswered : null;
}
