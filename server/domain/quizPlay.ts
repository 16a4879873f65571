/**
 * What a round shows students and how it reads what they press (rules Q6, Q10–Q15a of
 * lib/quiz/SPEC.md), pure: the live runner (quizRunner.ts) and the blind-guessing test
 * (test/quiz/blindGuess.test.ts) run these same two functions.
 */
import type { PublicQuestion } from "../../lib/protocol/quiz";
import { answerProblem, type Answer } from "../../lib/quiz/answers";
import { TRUE_FALSE_VALUES, canonicalAnswer, choiceOrder, inDisplayOrder, orderSeed } from "../../lib/quiz/order";
import type { QuestionDraft } from "../../lib/quiz/questions";
import { correctnessOf } from "../../lib/quiz/scoring";

type RoundQuestions = { id: string; questions: readonly QuestionDraft[] };

/** Q15/Q15a: a question without its answer; options, true/false buttons and ordering items in the round's display order. */
export function publicQuestion(round: RoundQuestions, index: number): PublicQuestion {
  const q: QuestionDraft = round.questions[index];
  const base = { index, type: q.type, prompt: q.prompt, imageUrl: q.imageUrl, timeLimitSec: q.timeLimitSec, pointsMultiplier: q.pointsMultiplier };
  const order = choiceOrder(q, orderSeed(round.id, index));
  switch (q.type) {
    case "single":
    case "multiple":
      return { ...base, options: inDisplayOrder(q.options, order) };
    case "truefalse":
      return { ...base, truthButtons: inDisplayOrder(TRUE_FALSE_VALUES, order) };
    case "ordering":
      return { ...base, items: inDisplayOrder(q.items, order) };
    case "numeric":
      return q.unit ? { ...base, unit: q.unit } : base;
    case "text":
      return base;
    default: {
      const never: never = q;
      return never;
    }
  }
}

/**
 * Q6, Q10–Q15a: an answer as a student sent it (display positions) → the answer in the question's
 * own indices, which is stored, and its correctness; or why it cannot be an answer (BAD_REQUEST).
 */
export function judgeAnswer(round: RoundQuestions, index: number, answer: Answer): { stored: Answer; correctness: number } | { problem: string } {
  const question = round.questions[index];
  const problem = answerProblem(question, answer);
  if (problem) return { problem };
  const order = choiceOrder(question, orderSeed(round.id, index));
  const stored = canonicalAnswer(answer, order);
  return { stored, correctness: correctnessOf(question, stored, question.type === "ordering" ? order : []) };
}
