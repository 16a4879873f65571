/**
 * Live quiz events (rules in lib/quiz/SPEC.md): the instructor starts, advances, skips and ends
 * a round; students answer; everyone in the session gets the round's state from the server,
 * whose clock opens and closes questions. Times are epoch milliseconds of the server's clock;
 * every state carries `serverNow` so a client can compute its offset.
 * (Composed with the other domains' events in lib/protocol/events.ts.)
 */
import { z } from "zod";
import { answerSchema } from "../quiz/answers";
import { QUESTION_TYPES } from "../quiz/questions";
import { SCORING_MODES } from "../quiz/scoring";
import { idSchema } from "./session";

const localized = z.object({ ko: z.string(), en: z.string() });

/** A question as students see it while it is open: no answer in it. */
export const publicQuestionSchema = z.object({
  index: z.number(),
  type: z.enum(QUESTION_TYPES),
  prompt: localized,
  imageUrl: z.string().nullable(),
  timeLimitSec: z.number(),
  pointsMultiplier: z.number(),
  /** Choice questions: the options in this round's shuffled display order (Q15a; colour + shape buttons). */
  options: z.array(localized).optional(),
  /** True/false questions: the two buttons' values in this round's display order (Q15a). */
  truthButtons: z.array(z.boolean()).optional(),
  /** Ordering questions: the items in this round's shuffled display order (Q15). */
  items: z.array(localized).optional(),
  /** Numeric questions: the unit, if any. */
  unit: z.string().optional(),
});
export type PublicQuestion = z.infer<typeof publicQuestionSchema>;

export const standingSchema = z.object({
  participantId: z.string(),
  displayName: z.string(),
  points: z.number(),
  /** Fully correct answers (shown separately from points). */
  correct: z.number(),
  rank: z.number(),
});
export type StandingView = z.infer<typeof standingSchema>;

export const bucketSchema = z.object({ label: localized, count: z.number(), correct: z.boolean() });

/** What everyone sees when a question closes (Q20). */
export const revealSchema = z.object({
  correctAnswer: z.array(localized),
  explanation: localized.nullable(),
  histogram: z.array(bucketSchema),
  answered: z.number(),
  /** Fully correct answers to this question. */
  correctCount: z.number(),
  /** The top of the standings after this question. */
  top: z.array(standingSchema),
});
export type RevealView = z.infer<typeof revealSchema>;

/** What every state of a round carries. */
const roundBase = {
  roundId: z.string(),
  sessionId: z.string(),
  title: z.string(),
  scoringMode: z.enum(SCORING_MODES),
  /** -1 in the lobby; the current or last question otherwise. */
  questionIndex: z.number(),
  questionCount: z.number(),
  /** The server's clock when this state was sent. */
  serverNow: z.number(),
};
/** The open or just-closed question and its window on the server's clock (Q3). */
const questionWindow = { question: publicQuestionSchema, startedAt: z.number(), closesAt: z.number() };

/** A round's state, the same for everyone in the session: each phase carries only what is valid in it. */
export const quizStateSchema = z.discriminatedUnion("phase", [
  z.object({ ...roundBase, phase: z.literal("lobby") }),
  z.object({ ...roundBase, phase: z.literal("question"), ...questionWindow }),
  z.object({ ...roundBase, phase: z.literal("reveal"), ...questionWindow, reveal: revealSchema }),
  /** The podium: the top 3 (ties included). */
  z.object({ ...roundBase, phase: z.literal("ended"), podium: z.array(standingSchema) }),
]);
export type QuizState = z.infer<typeof quizStateSchema>;

/** One student's own result after a question closes. */
export const quizResultSchema = z.object({
  roundId: z.string(),
  questionIndex: z.number(),
  answered: z.boolean(),
  correctness: z.number(),
  points: z.number(),
  streak: z.number(),
  totalPoints: z.number(),
  correctAnswers: z.number(),
  rank: z.number(),
  of: z.number(),
});
export type QuizResult = z.infer<typeof quizResultSchema>;

export const quizProgressSchema = z.object({ roundId: z.string(), questionIndex: z.number(), answered: z.number(), participants: z.number() });
export type QuizProgress = z.infer<typeof quizProgressSchema>;

const control = z.object({ sessionId: idSchema });
const stateReply = z.object({ state: quizStateSchema });

export const quizRequests = {
  /** The instructor starts a quiz from their bank in this session (Q1): a round in its lobby. */
  "quiz:start": { payload: z.object({ sessionId: idSchema, quizId: idSchema }), reply: stateReply },
  /** Open the next question, or end after the last reveal (Q2). */
  "quiz:next": { payload: control, reply: stateReply },
  /** Close the open question now (Q2). */
  "quiz:skip": { payload: control, reply: stateReply },
  /** End the round; an open question is closed and scored first (Q2). */
  "quiz:end": { payload: control, reply: stateReply },
  /** A student answers the open question (Q6–Q9): the reply says when the server got it. */
  "quiz:answer": {
    payload: z.object({ roundId: idSchema, questionIndex: z.number().int().min(0), answer: answerSchema }),
    reply: z.object({ receivedAt: z.number(), elapsedMs: z.number() }),
  },
  /** After (re)joining or attaching: the current round, and for a student their own answer and result. */
  "quiz:sync": {
    payload: z.object({ sessionId: idSchema.optional() }),
    reply: z.object({
      state: quizStateSchema.nullable(),
      answered: z.boolean(),
      result: quizResultSchema.nullable(),
      /** Instructors only: the progress of the open question and the full standings. */
      progress: quizProgressSchema.nullable(),
      standings: z.array(standingSchema).nullable(),
    }),
  },
} as const;

export const quizBroadcasts = {
  /** To the session room: the round's state changed (question opened or closed, ended). */
  "quiz:state": quizStateSchema,
  /** To the instructors room: answers arriving for the open question (throttled). */
  "quiz:progress": quizProgressSchema,
  /** To the instructors room: the full standings after each question. */
  "quiz:standings": z.object({ roundId: z.string(), standings: z.array(standingSchema) }),
  /** To one participant: their result for the question that just closed. */
  "quiz:result": quizResultSchema,
} as const;
