/**
 * What a student sends as an answer, per question type, and the checks that need the question
 * (an option that does not exist, an ordering that is not a permutation). A failing check is the
 * client's mistake (BAD_REQUEST), not a wrong answer.
 */
import { z } from "zod";
import { readNumber } from "./numberEntry";
import { QUIZ_LIMITS, choiceCount, type QuestionBody } from "./questions";

const index = z
  .number()
  .int()
  .min(0)
  .max(QUIZ_LIMITS.maxOptions - 1);

export const answerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("single"), choice: index }),
  z.object({ type: z.literal("multiple"), choices: z.array(index).min(1, "pick at least one option").max(QUIZ_LIMITS.maxOptions) }),
  z.object({ type: z.literal("truefalse"), value: z.boolean() }),
  /** As typed: the server reads it with the same parser as the form (lib/quiz/numberEntry.ts). */
  z.object({ type: z.literal("numeric"), text: z.string().max(QUIZ_LIMITS.answerChars, `at most ${QUIZ_LIMITS.answerChars} characters`) }),
  z.object({ type: z.literal("text"), text: z.string().max(QUIZ_LIMITS.answerChars, `at most ${QUIZ_LIMITS.answerChars} characters`) }),
  /** Display positions (as the student saw the items) in the order the student put them. */
  z.object({ type: z.literal("ordering"), order: z.array(index).max(QUIZ_LIMITS.maxOrderingItems) }),
]);
export type Answer = z.infer<typeof answerSchema>;

/** Why `answer` cannot be an answer to `question` (null when it can). */
export function answerProblem(question: QuestionBody, answer: Answer): string | null {
  if (answer.type !== question.type) return `this question expects a ${question.type} answer`;
  const n = choiceCount(question);
  switch (answer.type) {
    case "single":
      return answer.choice < n ? null : "no such option";
    case "multiple":
      if (answer.choices.some((c) => c >= n)) return "no such option";
      return new Set(answer.choices).size === answer.choices.length ? null : "an option is picked twice";
    case "ordering": {
      const sorted = [...answer.order].sort((a, b) => a - b);
      return sorted.length === n && sorted.every((v, i) => v === i) ? null : "the order must list every item once";
    }
    case "truefalse":
      return null;
    case "numeric":
      return question.type === "numeric" && !readNumber(answer.text, question.unit).ok ? "this is not a number" : null;
    case "text":
      return answer.text.trim() === "" ? "the answer is empty" : null;
    default: {
      const never: never = answer;
      return never;
    }
  }
}

/** Q8a: whether two stored answers are the same answer (key order aside: PostgreSQL's jsonb reorders keys). */
export function sameAnswer(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([x], [y]) => (x < y ? -1 : 1))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
