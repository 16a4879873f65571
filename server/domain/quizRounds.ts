/**
 * Quiz rounds in the database: the frozen copy of the questions, the phase and the question's
 * server-clock window, and every answer (lib/quiz/SPEC.md Q1, Q3, Q8, Q22). Moves are
 * compare-and-set on (phase, questionIndex), so a question opens and closes once whichever
 * timer or request gets there first.
 */
import { AppError } from "../../lib/protocol/errors";
import type { Answer } from "../../lib/quiz/answers";
import { answerSchema } from "../../lib/quiz/answers";
import { questionDraftSchema, type QuestionDraft } from "../../lib/quiz/questions";
import { rankStandings, type Standing } from "../../lib/quiz/results";
import { ROUND_PHASES, type RoundPhase } from "../../lib/quiz/round";
import type { ScoringMode } from "../../lib/quiz/scoring";
import type { Db } from "../db/client";
import { draftOf, type QuizDetail } from "./quizBank";

export interface RoundRecord {
  id: string;
  sessionId: string;
  title: string;
  scoringMode: ScoringMode;
  questions: QuestionDraft[];
  phase: RoundPhase;
  questionIndex: number;
  startedAt: number | null;
  closesAt: number | null;
  /** The open question's last heartbeat (Q5b). */
  aliveAt: number | null;
  createdAt: Date;
  endedAt: Date | null;
}

type RoundRow = {
  id: string;
  sessionId: string;
  title: string;
  scoringMode: string;
  questions: unknown;
  phase: string;
  questionIndex: number;
  questionStartedAt: Date | null;
  questionClosesAt: Date | null;
  questionAliveAt: Date | null;
  createdAt: Date;
  endedAt: Date | null;
};

export function roundOfRow(row: RoundRow): RoundRecord {
  const questions = questionDraftSchema.array().safeParse(row.questions);
  if (!questions.success) throw new AppError("INTERNAL", `round ${row.id} has invalid questions`);
  return {
    id: row.id,
    sessionId: row.sessionId,
    title: row.title,
    scoringMode: row.scoringMode === "accuracy" ? "accuracy" : "speed",
    questions: questions.data,
    phase: (ROUND_PHASES as readonly string[]).includes(row.phase) ? (row.phase as RoundPhase) : "ended",
    questionIndex: row.questionIndex,
    startedAt: row.questionStartedAt?.getTime() ?? null,
    closesAt: row.questionClosesAt?.getTime() ?? null,
    aliveAt: row.questionAliveAt?.getTime() ?? null,
    createdAt: row.createdAt,
    endedAt: row.endedAt,
  };
}

/** Q1: a new round in its lobby, with a frozen copy of the quiz; CONFLICT while another runs. */
export async function createRound(db: Db, sessionId: string, quiz: QuizDetail): Promise<RoundRecord> {
  const running = await db.quizRound.findFirst({ where: { sessionId, phase: { not: "ended" } } });
  if (running) throw new AppError("CONFLICT", "a quiz is already running in this session: end it first");
  const row = await db.quizRound.create({
    data: { sessionId, quizId: quiz.id, title: quiz.title, scoringMode: quiz.scoringMode, questions: quiz.questions.map(draftOf) },
  });
  return roundOfRow(row);
}

/** The session's latest round (running, or the last one that ended), or null. */
export async function latestRound(db: Db, sessionId: string): Promise<RoundRecord | null> {
  const row = await db.quizRound.findFirst({ where: { sessionId }, orderBy: { createdAt: "desc" } });
  return row ? roundOfRow(row) : null;
}

/** Q5: rounds whose question is open, to re-arm their close timers after a restart. */
export async function roundsWithOpenQuestion(db: Db): Promise<RoundRecord[]> {
  return (await db.quizRound.findMany({ where: { phase: "question" } })).map(roundOfRow);
}

export interface RoundMove {
  phase: RoundPhase;
  questionIndex: number;
  startedAt?: number;
  closesAt?: number;
  ended?: boolean;
}

/** Compare-and-set: moves the round only if it is still at `from`; false if someone else moved it. */
export async function moveRound(db: Db, roundId: string, from: { phase: RoundPhase; questionIndex: number }, to: RoundMove): Promise<boolean> {
  const result = await db.quizRound.updateMany({
    where: { id: roundId, phase: from.phase, questionIndex: from.questionIndex },
    data: {
      phase: to.phase,
      questionIndex: to.questionIndex,
      ...(to.startedAt !== undefined ? { questionStartedAt: new Date(to.startedAt) } : {}),
      ...(to.closesAt !== undefined ? { questionClosesAt: new Date(to.closesAt) } : {}),
      // Opening a question stamps its first heartbeat (Q5b).
      ...(to.phase === "question" && to.startedAt !== undefined ? { questionAliveAt: new Date(to.startedAt) } : {}),
      ...(to.ended ? { endedAt: new Date() } : {}),
    },
  });
  return result.count === 1;
}

/** Q5b: the server keeping this open question's clock is alive at `at` (no-op once it closed). */
export async function stampQuestionAlive(db: Db, round: { id: string; questionIndex: number }, at: number): Promise<void> {
  await db.quizRound.updateMany({ where: { id: round.id, phase: "question", questionIndex: round.questionIndex }, data: { questionAliveAt: new Date(at) } });
}

/**
 * Q5b: gives the open question the window it had before an outage, compare-and-set on its last
 * heartbeat, so of several processes starting at once only one moves the clock; false if another did.
 */
export async function resumeAfterOutage(
  db: Db,
  round: { id: string; questionIndex: number; aliveAt: number },
  window: { startedAt: number; closesAt: number },
  now: number,
): Promise<boolean> {
  const result = await db.quizRound.updateMany({
    where: { id: round.id, phase: "question", questionIndex: round.questionIndex, questionAliveAt: new Date(round.aliveAt) },
    data: { questionStartedAt: new Date(window.startedAt), questionClosesAt: new Date(window.closesAt), questionAliveAt: new Date(now) },
  });
  return result.count === 1;
}

export interface AnswerRecord {
  roundId: string;
  questionIndex: number;
  participantId: string;
  answer: Answer;
  receivedAt: number;
  elapsedMs: number;
  correctness: number;
  points: number;
  streak: number;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Q8: stores an answer; the second answer of a student to a question is CONFLICT. */
export async function insertAnswer(db: Db, a: AnswerRecord): Promise<void> {
  try {
    await db.quizAnswer.create({ data: { ...a, receivedAt: new Date(a.receivedAt) } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "you already answered this question");
    throw error;
  }
}

export interface StoredAnswer {
  participantId: string;
  questionIndex: number;
  answer: Answer | null;
  correctness: number;
  points: number;
  streak: number;
  elapsedMs: number;
}

export async function answersOf(db: Db, roundId: string, questionIndex?: number): Promise<StoredAnswer[]> {
  const rows = await db.quizAnswer.findMany({
    where: { roundId, ...(questionIndex !== undefined ? { questionIndex } : {}) },
    select: { participantId: true, questionIndex: true, answer: true, correctness: true, points: true, streak: true, elapsedMs: true },
    orderBy: { receivedAt: "asc" },
  });
  return rows.map((r) => {
    const answer = answerSchema.safeParse(r.answer);
    return { ...r, answer: answer.success ? answer.data : null };
  });
}

/** Q8a: the answer a participant gave to a question (as stored: display positions mapped back), or null. */
export async function answerOf(
  db: Db,
  roundId: string,
  questionIndex: number,
  participantId: string,
): Promise<{ answer: unknown; receivedAt: number; elapsedMs: number } | null> {
  const row = await db.quizAnswer.findFirst({ where: { roundId, questionIndex, participantId }, select: { answer: true, receivedAt: true, elapsedMs: true } });
  return row && { answer: row.answer, receivedAt: row.receivedAt.getTime(), elapsedMs: row.elapsedMs };
}

/** Q21: standings of a round over every participant of its session (no answer = 0 points). */
export async function standingsOf(db: Db, sessionId: string, answers: readonly StoredAnswer[]): Promise<Standing[]> {
  const participants = await db.participant.findMany({ where: { sessionId }, select: { id: true, displayName: true } });
  const totals = new Map(participants.map((p) => [p.id, { participantId: p.id, displayName: p.displayName, points: 0, correct: 0 }]));
  for (const a of answers) {
    const row = totals.get(a.participantId);
    if (!row) continue;
    row.points += a.points;
    if (a.correctness === 1) row.correct++;
  }
  return rankStandings([...totals.values()]);
}
