/**
 * Quiz questions: the six types, their type-specific bodies, and the limits every question
 * obeys. One zod schema per shape, used by the editor (instant field errors), the HTTP API
 * (bank, import), the built-in bank's test and the server (the frozen copy of a round).
 *
 * Storage (prisma Question): `type`, `prompt`, `explanation`, `imageUrl`, `tags`,
 * `timeLimitSec`, `pointsMultiplier` are columns; `body` holds the type-specific part
 * (`bodyOf`) and the `beyondLectures` mark, when set (no column: an instructor's note on the
 * question, never read by a query).
 */
import { z } from "zod";
import { quizTagSchema } from "./tags";

export const QUESTION_TYPES = ["single", "multiple", "truefalse", "numeric", "text", "ordering"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Limits, with reasons. */
export const QUIZ_LIMITS = {
  /** Prompt length (characters): fits a projector slide. */
  promptChars: 500,
  /** Option / ordering item / accepted answer length (characters): fits a big button. */
  optionChars: 120,
  /** Explanation shown at reveal (characters). */
  explanationChars: 1000,
  /** Options of a choice question: Kahoot-style colour+shape buttons, at most 6. */
  minOptions: 2,
  maxOptions: 6,
  minOrderingItems: 3,
  maxOrderingItems: 6,
  /** Accepted spellings of a short-text answer. */
  maxAccepted: 20,
  /** Longest short-text answer a student may send (characters). */
  answerChars: 80,
  /** Time limit range (s). */
  minTimeSec: 5,
  maxTimeSec: 240,
  /** Points multiplier range: 0 (practice) to 3; Kahoot uses 0, 1, 2. */
  maxMultiplier: 3,
  /** Tags per question. */
  maxTags: 5,
  /** Questions in one quiz. */
  maxQuizQuestions: 100,
} as const;

const L = QUIZ_LIMITS;

/** A text in both languages; both are required (the class may switch language). */
export const localizedSchema = (max: number) =>
  z.object({
    ko: z.string().trim().min(1, "Korean text is empty").max(max, `at most ${max} characters`),
    en: z.string().trim().min(1, "English text is empty").max(max, `at most ${max} characters`),
  });
export type Localized = { ko: string; en: string };

const option = localizedSchema(L.optionChars);

const singleBody = z.object({
  type: z.literal("single"),
  options: z.array(option).min(L.minOptions, `at least ${L.minOptions} options`).max(L.maxOptions, `at most ${L.maxOptions} options`),
  /** Index of the one correct option. */
  correct: z.number().int().min(0),
});
const multipleBody = z.object({
  type: z.literal("multiple"),
  options: z.array(option).min(L.minOptions, `at least ${L.minOptions} options`).max(L.maxOptions, `at most ${L.maxOptions} options`),
  /** Indices of every correct option (select all that apply). */
  correct: z.array(z.number().int().min(0)).min(1, "mark at least one correct option"),
});
const trueFalseBody = z.object({ type: z.literal("truefalse"), correct: z.boolean() });
const numericBody = z.object({
  type: z.literal("numeric"),
  answer: z.number().finite(),
  /** Accepted absolute difference: |value − answer| ≤ tolerance. */
  tolerance: z.number().finite().min(0, "tolerance is negative"),
  unit: z.string().trim().max(20).optional(),
});
const textBody = z.object({
  type: z.literal("text"),
  /** Accepted answers; compared by textAnswerKey (case, spaces, quotes, NFKC). */
  accepted: z.array(z.string().trim().min(1, "empty answer").max(L.answerChars)).min(1, "give at least one accepted answer").max(L.maxAccepted),
});
const orderingBody = z.object({
  type: z.literal("ordering"),
  /** Items in the CORRECT order; students see them shuffled. */
  items: z.array(option).min(L.minOrderingItems, `at least ${L.minOrderingItems} items`).max(L.maxOrderingItems, `at most ${L.maxOrderingItems} items`),
});

export const questionBodySchema = z.discriminatedUnion("type", [singleBody, multipleBody, trueFalseBody, numericBody, textBody, orderingBody]);
export type QuestionBody = z.infer<typeof questionBodySchema>;

const common = {
  prompt: localizedSchema(L.promptChars),
  explanation: localizedSchema(L.explanationChars).nullable().default(null),
  imageUrl: z
    .string()
    .trim()
    .max(500)
    .refine((u) => /^https?:\/\/\S+$/i.test(u) || /^\/[^\s/]\S*$/.test(u), "an http(s) URL or a path on this site")
    .nullable()
    .default(null),
  tags: z
    .array(quizTagSchema)
    .max(L.maxTags, `at most ${L.maxTags} tags`)
    .default([])
    .transform((t) => [...new Set(t)]),
  timeLimitSec: z.number().int().min(L.minTimeSec, `at least ${L.minTimeSec} s`).max(L.maxTimeSec, `at most ${L.maxTimeSec} s`).default(20),
  pointsMultiplier: z.number().min(0).max(L.maxMultiplier, `at most ×${L.maxMultiplier}`).default(1),
  /** Goes beyond what the five lectures teach (the app teaches it): the instructor teaches it first. */
  beyondLectures: z.boolean().default(false),
};

/** A question as the editor and the import send it: content without id or position. */
export const questionDraftSchema = z
  .discriminatedUnion("type", [
    singleBody.extend(common),
    multipleBody.extend(common),
    trueFalseBody.extend(common),
    numericBody.extend(common),
    textBody.extend(common),
    orderingBody.extend(common),
  ])
  .superRefine((q, ctx) => {
    if (q.type === "single" && q.correct >= q.options.length) ctx.addIssue({ code: "custom", path: ["correct"], message: "the correct option does not exist" });
    if (q.type === "multiple") {
      if (q.correct.some((i) => i >= q.options.length)) ctx.addIssue({ code: "custom", path: ["correct"], message: "a correct option does not exist" });
      if (new Set(q.correct).size !== q.correct.length) ctx.addIssue({ code: "custom", path: ["correct"], message: "an option is marked twice" });
    }
  });
export type QuestionDraft = z.output<typeof questionDraftSchema>;
export type QuestionDraftInput = z.input<typeof questionDraftSchema>;

/** A question in an instructor's bank. */
export type BankQuestion = QuestionDraft & { id: string; position: number };

/** The type-specific part of a question (what the `body` column stores). */
export function bodyOf(q: QuestionDraft): QuestionBody {
  switch (q.type) {
    case "single":
      return { type: q.type, options: q.options, correct: q.correct };
    case "multiple":
      return { type: q.type, options: q.options, correct: q.correct };
    case "truefalse":
      return { type: q.type, correct: q.correct };
    case "numeric":
      return { type: q.type, answer: q.answer, tolerance: q.tolerance, ...(q.unit ? { unit: q.unit } : {}) };
    case "text":
      return { type: q.type, accepted: q.accepted };
    case "ordering":
      return { type: q.type, items: q.items };
    default: {
      const never: never = q;
      return never;
    }
  }
}

/** Number of answer choices a student picks from (options, true/false, ordering items); 0 otherwise. */
export function choiceCount(q: QuestionBody): number {
  switch (q.type) {
    case "single":
    case "multiple":
      return q.options.length;
    case "truefalse":
      return 2;
    case "ordering":
      return q.items.length;
    case "numeric":
    case "text":
      return 0;
    default: {
      const never: never = q;
      return never;
    }
  }
}
