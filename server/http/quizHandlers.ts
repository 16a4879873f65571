/**
 * Handlers of the quiz's routes (lib/api/quiz.ts): the bank, quizzes, the built-in bank,
 * import/export and round results. Each checks who is asking (instructor cookie) and delegates
 * to server/domain/quizBank.ts and quizRounds.ts; anything not the instructor's is NOT_FOUND.
 */
import { AppError } from "../../lib/protocol/errors";
import type { quizRoutes } from "../../lib/api/quiz";
import type { RoundResults } from "../../lib/api/quiz";
import { correctAnswerOf, histogramOf } from "../../lib/quiz/results";
import type { Answer } from "../../lib/quiz/answers";
import type { Db } from "../db/client";
import {
  builtinQuestions,
  copyBuiltins,
  createQuestion,
  createQuiz,
  deleteQuestion,
  deleteQuiz,
  duplicateQuestion,
  exportQuiz,
  importQuiz,
  listQuestions,
  listQuizzes,
  quizDetail,
  quizFromTopic,
  reorderQuestions,
  updateQuestion,
  updateQuiz,
} from "../domain/quizBank";
import { answersOf, roundOfRow, standingsOf } from "../domain/quizRounds";
import { requireOwnSession } from "../domain/sessions";
import { requireInstructor, type HandlersFor, type RequestContext } from "./router";
import type { RouteName } from "../../lib/api/routes";

/** A round's results: per-question histograms, standings and every answer (Q20–Q22). */
async function roundResults(db: Db, instructorId: string, roundId: string): Promise<RoundResults> {
  const row = await db.quizRound.findFirst({ where: { id: roundId, session: { class: { instructorId } } } });
  if (!row) throw new AppError("NOT_FOUND", "no such quiz round");
  const round = roundOfRow(row);
  const answers = await answersOf(db, round.id);
  return {
    round: {
      id: round.id,
      sessionId: round.sessionId,
      title: round.title,
      scoringMode: round.scoringMode,
      phase: round.phase,
      createdAt: round.createdAt.toISOString(),
      endedAt: round.endedAt?.toISOString() ?? null,
    },
    questions: round.questions.map((q, index) => {
      const mine = answers.filter((a) => a.questionIndex === index);
      const usable = mine.filter((a): a is typeof a & { answer: Answer } => a.answer !== null);
      return {
        index,
        type: q.type,
        prompt: q.prompt,
        tags: q.tags,
        correctAnswer: correctAnswerOf(q),
        answered: mine.length,
        correctCount: mine.filter((a) => a.correctness === 1).length,
        histogram: histogramOf(
          q,
          usable.map((a) => a.answer),
          usable.map((a) => a.correctness),
        ),
      };
    }),
    standings: await standingsOf(db, round.sessionId, answers),
    cells: answers.map((a) => ({
      participantId: a.participantId,
      questionIndex: a.questionIndex,
      correctness: a.correctness,
      points: a.points,
      elapsedMs: a.elapsedMs,
      streak: a.streak,
    })),
  };
}

export function createQuizHandlers(db: Db): HandlersFor<typeof quizRoutes> {
  const me = async (ctx: RequestContext<RouteName>) => (await requireInstructor(db, ctx)).id;
  return {
    async quizListQuestions(ctx) {
      return { questions: await listQuestions(db, await me(ctx)) };
    },
    async quizCreateQuestion(ctx) {
      return { question: await createQuestion(db, await me(ctx), ctx.body) };
    },
    async quizUpdateQuestion(ctx) {
      return { question: await updateQuestion(db, await me(ctx), ctx.params.questionId, ctx.body) };
    },
    async quizDuplicateQuestion(ctx) {
      return { question: await duplicateQuestion(db, await me(ctx), ctx.params.questionId) };
    },
    async quizDeleteQuestion(ctx) {
      await deleteQuestion(db, await me(ctx), ctx.params.questionId);
      return {};
    },
    async quizReorderQuestions(ctx) {
      return { questions: await reorderQuestions(db, await me(ctx), ctx.body.ids) };
    },
    async quizBuiltin(ctx) {
      await me(ctx);
      return { questions: builtinQuestions() };
    },
    async quizCopyBuiltin(ctx) {
      return { questions: await copyBuiltins(db, await me(ctx), ctx.body.ids) };
    },
    async quizFromTopic(ctx) {
      return { quiz: await quizFromTopic(db, await me(ctx), ctx.body.tag, ctx.body.title) };
    },
    async quizList(ctx) {
      return { quizzes: await listQuizzes(db, await me(ctx)) };
    },
    async quizCreate(ctx) {
      return { quiz: await createQuiz(db, await me(ctx), ctx.body) };
    },
    async quizGet(ctx) {
      return { quiz: await quizDetail(db, await me(ctx), ctx.params.quizId) };
    },
    async quizUpdate(ctx) {
      return { quiz: await updateQuiz(db, await me(ctx), ctx.params.quizId, ctx.body) };
    },
    async quizDelete(ctx) {
      await deleteQuiz(db, await me(ctx), ctx.params.quizId);
      return {};
    },
    async quizExport(ctx) {
      return { export: await exportQuiz(db, await me(ctx), ctx.params.quizId) };
    },
    async quizImport(ctx) {
      return { quiz: await importQuiz(db, await me(ctx), ctx.body) };
    },
    async quizSessionRounds(ctx) {
      const instructorId = await me(ctx);
      await requireOwnSession(db, instructorId, ctx.params.sessionId);
      const rows = await db.quizRound.findMany({ where: { sessionId: ctx.params.sessionId }, orderBy: { createdAt: "asc" } });
      return {
        rounds: rows.map((r) => {
          const round = roundOfRow(r);
          return {
            id: round.id,
            title: round.title,
            phase: round.phase,
            questionCount: round.questions.length,
            createdAt: round.createdAt.toISOString(),
            endedAt: round.endedAt?.toISOString() ?? null,
          };
        }),
      };
    },
    async quizRoundResults(ctx) {
      return roundResults(db, await me(ctx), ctx.params.roundId);
    },
  };
}
