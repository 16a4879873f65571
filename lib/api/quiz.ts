/**
 * The quiz's HTTP routes: an instructor's question bank and quizzes, the built-in bank, JSON
 * import/export, and the results of rounds. Every route is the logged-in instructor's own:
 * another instructor's question, quiz or round is NOT_FOUND.
 */
import { z } from "zod";
import { QUIZ_LIMITS, questionDraftSchema } from "../quiz/questions";
import { SCORING_MODES } from "../quiz/scoring";
import { quizTagSchema } from "../quiz/tags";
import { bucketSchema, standingSchema } from "../protocol/quiz";
import { noBody as none, route } from "./route";

const id = z.string().min(1).max(64);
const localized = z.object({ ko: z.string(), en: z.string() });

export const bankQuestionSchema = z.intersection(questionDraftSchema, z.object({ id: z.string(), position: z.number() }));
export const builtinQuestionSchema = z.intersection(questionDraftSchema, z.object({ id: z.string() }));

export const quizSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  scoringMode: z.enum(SCORING_MODES),
  questionCount: z.number(),
  updatedAt: z.string(),
});
export const quizDetailSchema = z.object({
  id: z.string(),
  title: z.string(),
  scoringMode: z.enum(SCORING_MODES),
  questions: z.array(bankQuestionSchema),
  updatedAt: z.string(),
});

const quizBody = z.object({
  title: z.string().trim().min(1, "the title is empty").max(120),
  scoringMode: z.enum(SCORING_MODES).default("speed"),
  questionIds: z
    .array(id)
    .max(QUIZ_LIMITS.maxQuizQuestions)
    .refine((ids) => new Set(ids).size === ids.length, "a question is in the quiz twice"),
});

/** The JSON a quiz is exported as and imported from. */
export const QUIZ_EXPORT_FORMAT = "rnn-classroom-quiz";
export const quizExportSchema = z.object({
  format: z.literal(QUIZ_EXPORT_FORMAT),
  version: z.literal(1),
  title: z.string().trim().min(1, "the title is empty").max(120),
  scoringMode: z.enum(SCORING_MODES).default("speed"),
  questions: z.array(questionDraftSchema).min(1, "a quiz needs at least one question").max(QUIZ_LIMITS.maxQuizQuestions),
});
export type QuizExport = z.output<typeof quizExportSchema>;

export const roundSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  phase: z.string(),
  questionCount: z.number(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
});

export const roundResultsSchema = z.object({
  round: z.object({
    id: z.string(),
    sessionId: z.string(),
    title: z.string(),
    scoringMode: z.enum(SCORING_MODES),
    phase: z.string(),
    createdAt: z.string(),
    endedAt: z.string().nullable(),
  }),
  questions: z.array(
    z.object({
      index: z.number(),
      type: z.string(),
      prompt: localized,
      tags: z.array(z.string()),
      correctAnswer: z.array(localized),
      answered: z.number(),
      correctCount: z.number(),
      histogram: z.array(bucketSchema),
    }),
  ),
  standings: z.array(standingSchema),
  /** Every answer: one cell of the per-question results table. */
  cells: z.array(
    z.object({ participantId: z.string(), questionIndex: z.number(), correctness: z.number(), points: z.number(), elapsedMs: z.number(), streak: z.number() }),
  ),
});
export type RoundResults = z.infer<typeof roundResultsSchema>;

const questionReply = z.object({ question: bankQuestionSchema });
const questionsReply = z.object({ questions: z.array(bankQuestionSchema) });
const quizReply = z.object({ quiz: quizDetailSchema });

export const quizRoutes = {
  quizListQuestions: route("GET", "/api/quiz/questions", none, questionsReply),
  quizCreateQuestion: route("POST", "/api/quiz/questions", questionDraftSchema, questionReply),
  quizUpdateQuestion: route("PUT", "/api/quiz/questions/:questionId", questionDraftSchema, questionReply),
  quizDuplicateQuestion: route("POST", "/api/quiz/questions/:questionId/duplicate", none, questionReply),
  quizDeleteQuestion: route("DELETE", "/api/quiz/questions/:questionId", none, z.object({})),
  /** The bank's order: every question id of the bank, in the new order. */
  quizReorderQuestions: route("POST", "/api/quiz/questions/reorder", z.object({ ids: z.array(id).max(2000) }), questionsReply),

  quizBuiltin: route("GET", "/api/quiz/builtin", none, z.object({ questions: z.array(builtinQuestionSchema) })),
  /** Copy built-in questions (by id) into my bank. */
  quizCopyBuiltin: route("POST", "/api/quiz/builtin/copy", z.object({ ids: z.array(id).min(1).max(200) }), questionsReply),
  /** A new quiz of the built-in questions on one topic (copied into my bank). */
  quizFromTopic: route("POST", "/api/quiz/builtin/topic", z.object({ tag: quizTagSchema, title: z.string().trim().min(1).max(120).optional() }), quizReply),

  quizList: route("GET", "/api/quiz/quizzes", none, z.object({ quizzes: z.array(quizSummarySchema) })),
  quizCreate: route("POST", "/api/quiz/quizzes", quizBody, quizReply),
  quizGet: route("GET", "/api/quiz/quizzes/:quizId", none, quizReply),
  quizUpdate: route("PUT", "/api/quiz/quizzes/:quizId", quizBody, quizReply),
  quizDelete: route("DELETE", "/api/quiz/quizzes/:quizId", none, z.object({})),
  quizExport: route("GET", "/api/quiz/quizzes/:quizId/export", none, z.object({ export: quizExportSchema })),
  /** Import an exported quiz: its questions are added to my bank. Field errors name the question (questions.3.prompt.ko). */
  quizImport: route("POST", "/api/quiz/import", quizExportSchema, quizReply, { maxBodyBytes: 512 * 1024 }),

  quizSessionRounds: route("GET", "/api/sessions/:sessionId/quiz-rounds", none, z.object({ rounds: z.array(roundSummarySchema) })),
  quizRoundResults: route("GET", "/api/quiz/rounds/:roundId", none, roundResultsSchema),
} as const;
