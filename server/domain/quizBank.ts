/**
 * An instructor's question bank and quizzes: CRUD, the built-in bank, JSON import and export.
 * Every read and write is scoped to the instructor: another instructor's rows are NOT_FOUND.
 */
import { AppError } from "../../lib/protocol/errors";
import { BUILTIN_QUESTIONS, builtinByTag } from "../../lib/quiz/builtin";
import { bodyOf, questionDraftSchema, type BankQuestion, type QuestionDraft } from "../../lib/quiz/questions";
import type { ScoringMode } from "../../lib/quiz/scoring";
import { QUIZ_TAG_LABELS, type QuizTag } from "../../lib/quiz/tags";
import { QUIZ_EXPORT_FORMAT, type QuizExport } from "../../lib/api/quiz";
import { Prisma } from "../../generated/prisma/client";
import type { Db } from "../db/client";

type QuestionRow = {
  id: string;
  type: string;
  prompt: unknown;
  body: unknown;
  explanation: unknown;
  imageUrl: string | null;
  tags: unknown;
  timeLimitSec: number;
  pointsMultiplier: number;
  position: number;
};

/** A stored question back to its validated shape (rows were validated when written). */
export function questionOfRow(row: QuestionRow): BankQuestion {
  const body = typeof row.body === "object" && row.body !== null ? row.body : {};
  const parsed = questionDraftSchema.safeParse({
    ...body,
    type: row.type,
    prompt: row.prompt,
    explanation: row.explanation ?? null,
    imageUrl: row.imageUrl,
    tags: row.tags,
    timeLimitSec: row.timeLimitSec,
    pointsMultiplier: row.pointsMultiplier,
  });
  if (!parsed.success) throw new AppError("INTERNAL", `stored question ${row.id} is not valid`);
  return { ...parsed.data, id: row.id, position: row.position };
}

function columnsOf(q: QuestionDraft) {
  return {
    type: q.type,
    prompt: q.prompt,
    body: { ...bodyOf(q), ...(q.beyondLectures ? { beyondLectures: true } : {}) },
    explanation: q.explanation ?? Prisma.DbNull,
    imageUrl: q.imageUrl,
    tags: q.tags,
    timeLimitSec: q.timeLimitSec,
    pointsMultiplier: q.pointsMultiplier,
  };
}

/** Only content (id and position dropped): what export, duplicate and round copies carry. */
export function draftOf(q: BankQuestion): QuestionDraft {
  const { id: _id, position: _position, ...draft } = q;
  return draft;
}

export async function listQuestions(db: Db, instructorId: string): Promise<BankQuestion[]> {
  const rows = await db.question.findMany({ where: { instructorId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }] });
  return rows.map(questionOfRow);
}

async function ownQuestion(db: Db, instructorId: string, questionId: string) {
  const row = await db.question.findFirst({ where: { id: questionId, instructorId } });
  if (!row) throw new AppError("NOT_FOUND", "no such question");
  return row;
}

async function nextPosition(db: Db, instructorId: string): Promise<number> {
  const last = await db.question.findFirst({ where: { instructorId }, orderBy: { position: "desc" }, select: { position: true } });
  return (last?.position ?? -1) + 1;
}

/** Adds questions at the end of the bank, in order. */
export async function addQuestions(db: Db, instructorId: string, drafts: readonly QuestionDraft[]): Promise<BankQuestion[]> {
  const start = await nextPosition(db, instructorId);
  return db.$transaction(async (tx) => {
    const created: BankQuestion[] = [];
    for (const [i, q] of drafts.entries()) {
      created.push(questionOfRow(await tx.question.create({ data: { instructorId, position: start + i, ...columnsOf(q) } })));
    }
    return created;
  });
}

export async function createQuestion(db: Db, instructorId: string, draft: QuestionDraft): Promise<BankQuestion> {
  return (await addQuestions(db, instructorId, [draft]))[0];
}

export async function updateQuestion(db: Db, instructorId: string, questionId: string, draft: QuestionDraft): Promise<BankQuestion> {
  await ownQuestion(db, instructorId, questionId);
  return questionOfRow(await db.question.update({ where: { id: questionId }, data: columnsOf(draft) }));
}

export async function duplicateQuestion(db: Db, instructorId: string, questionId: string): Promise<BankQuestion> {
  const original = questionOfRow(await ownQuestion(db, instructorId, questionId));
  const draft = draftOf(original);
  const copy = { ...draft, prompt: { ko: `${draft.prompt.ko} (사본)`.slice(0, 500), en: `${draft.prompt.en} (copy)`.slice(0, 500) } };
  return createQuestion(db, instructorId, copy);
}

export async function deleteQuestion(db: Db, instructorId: string, questionId: string): Promise<void> {
  await ownQuestion(db, instructorId, questionId);
  await db.question.delete({ where: { id: questionId } });
}

/** `ids` must be exactly the bank's question ids, in the new order. */
export async function reorderQuestions(db: Db, instructorId: string, ids: readonly string[]): Promise<BankQuestion[]> {
  const existing = await db.question.findMany({ where: { instructorId }, select: { id: true } });
  const mine = new Set(existing.map((r) => r.id));
  if (ids.length !== mine.size || new Set(ids).size !== ids.length || ids.some((id) => !mine.has(id))) {
    throw new AppError("BAD_REQUEST", "list every question of the bank once", { ids: ["list every question of the bank once"] });
  }
  await db.$transaction(ids.map((id, position) => db.question.update({ where: { id }, data: { position } })));
  return listQuestions(db, instructorId);
}

export function builtinQuestions(): (QuestionDraft & { id: string })[] {
  return BUILTIN_QUESTIONS.map((b) => ({ ...questionDraftSchema.parse(b.question), id: b.id }));
}

export async function copyBuiltins(db: Db, instructorId: string, ids: readonly string[]): Promise<BankQuestion[]> {
  const byId = new Map(BUILTIN_QUESTIONS.map((b) => [b.id, b]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) throw new AppError("NOT_FOUND", `no built-in question ${unknown.join(", ")}`);
  return addQuestions(
    db,
    instructorId,
    ids.map((id) => questionDraftSchema.parse(byId.get(id)!.question)),
  );
}

// ── Quizzes ──

export interface QuizDetail {
  id: string;
  title: string;
  scoringMode: ScoringMode;
  questions: BankQuestion[];
  updatedAt: string;
}

const modeOf = (s: string): ScoringMode => (s === "accuracy" ? "accuracy" : "speed");

export async function quizDetail(db: Db, instructorId: string, quizId: string): Promise<QuizDetail> {
  const quiz = await db.quiz.findFirst({
    where: { id: quizId, instructorId },
    include: { items: { orderBy: { position: "asc" }, include: { question: true } } },
  });
  if (!quiz) throw new AppError("NOT_FOUND", "no such quiz");
  return {
    id: quiz.id,
    title: quiz.title,
    scoringMode: modeOf(quiz.scoringMode),
    questions: quiz.items.map((item) => questionOfRow(item.question)),
    updatedAt: quiz.updatedAt.toISOString(),
  };
}

export async function listQuizzes(db: Db, instructorId: string) {
  const quizzes = await db.quiz.findMany({ where: { instructorId }, orderBy: { updatedAt: "desc" }, include: { _count: { select: { items: true } } } });
  return quizzes.map((q) => ({
    id: q.id,
    title: q.title,
    scoringMode: modeOf(q.scoringMode),
    questionCount: q._count.items,
    updatedAt: q.updatedAt.toISOString(),
  }));
}

async function requireOwnQuestions(db: Db, instructorId: string, ids: readonly string[]): Promise<void> {
  const found = await db.question.count({ where: { instructorId, id: { in: [...ids] } } });
  if (found !== new Set(ids).size)
    throw new AppError("NOT_FOUND", "a question of this quiz is not in your bank", { questionIds: ["a question is not in your bank"] });
}

export interface QuizInput {
  title: string;
  scoringMode: ScoringMode;
  questionIds: string[];
}

export async function createQuiz(db: Db, instructorId: string, input: QuizInput): Promise<QuizDetail> {
  await requireOwnQuestions(db, instructorId, input.questionIds);
  const quiz = await db.quiz.create({
    data: {
      instructorId,
      title: input.title,
      scoringMode: input.scoringMode,
      items: { create: input.questionIds.map((questionId, position) => ({ questionId, position })) },
    },
  });
  return quizDetail(db, instructorId, quiz.id);
}

export async function updateQuiz(db: Db, instructorId: string, quizId: string, input: QuizInput): Promise<QuizDetail> {
  if (!(await db.quiz.findFirst({ where: { id: quizId, instructorId } }))) throw new AppError("NOT_FOUND", "no such quiz");
  await requireOwnQuestions(db, instructorId, input.questionIds);
  await db.$transaction([
    db.quizItem.deleteMany({ where: { quizId } }),
    db.quiz.update({
      where: { id: quizId },
      data: {
        title: input.title,
        scoringMode: input.scoringMode,
        items: { create: input.questionIds.map((questionId, position) => ({ questionId, position })) },
      },
    }),
  ]);
  return quizDetail(db, instructorId, quizId);
}

export async function deleteQuiz(db: Db, instructorId: string, quizId: string): Promise<void> {
  const deleted = await db.quiz.deleteMany({ where: { id: quizId, instructorId } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND", "no such quiz");
}

export async function exportQuiz(db: Db, instructorId: string, quizId: string): Promise<QuizExport> {
  const quiz = await quizDetail(db, instructorId, quizId);
  return { format: QUIZ_EXPORT_FORMAT, version: 1, title: quiz.title, scoringMode: quiz.scoringMode, questions: quiz.questions.map(draftOf) };
}

/** Imports an exported quiz: its questions join the bank and a quiz of them is created. */
export async function importQuiz(db: Db, instructorId: string, data: QuizExport): Promise<QuizDetail> {
  const questions = await addQuestions(db, instructorId, data.questions);
  return createQuiz(db, instructorId, { title: data.title, scoringMode: data.scoringMode, questionIds: questions.map((q) => q.id) });
}

/** "New quiz from a built-in topic": the topic's built-in questions are copied into the bank. */
export async function quizFromTopic(db: Db, instructorId: string, tag: QuizTag, title?: string): Promise<QuizDetail> {
  const picked = builtinByTag(tag);
  if (!picked.length) throw new AppError("NOT_FOUND", "no built-in questions on this topic");
  const questions = await copyBuiltins(
    db,
    instructorId,
    picked.map((b) => b.id),
  );
  return createQuiz(db, instructorId, { title: title ?? QUIZ_TAG_LABELS[tag].ko, scoringMode: "speed", questionIds: questions.map((q) => q.id) });
}
