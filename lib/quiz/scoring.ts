/**
 * Quiz scoring: pure, table-tested functions (rules Q10–Q19 of lib/quiz/SPEC.md).
 *
 *   correctness ∈ [0, 1]   how right the answer is (partial credit for select-all-that-apply)
 *   points                 round(BASE × multiplier × correctness × speed) + streak bonus
 *   speed (speed mode)     1 − (elapsed / limit) / 2: full points at once, half at the limit
 *   streak                 consecutive fully correct answers, this one included
 */
import type { Answer } from "./answers";
import { readNumber } from "./numberEntry";
import type { QuestionBody } from "./questions";

/** Points of a fully correct answer at ×1 before speed (Kahoot's 1000). */
export const BASE_POINTS = 1000;
/** Streak bonus per consecutive correct answer after the first (points, whatever the multiplier: Q17). */
export const STREAK_BONUS_STEP = 100;
/** The streak bonus stops growing after this many steps (+500 points, Kahoot's cap). */
export const STREAK_BONUS_MAX_STEPS = 5;
/** Floating-point slack for numeric tolerance (0.1 + 0.2 is within 0 of 0.3). */
const NUMERIC_EPSILON = 1e-9;

export const SCORING_MODES = ["speed", "accuracy"] as const;
export type ScoringMode = (typeof SCORING_MODES)[number];

/** Quotation marks students may wrap a short answer in (ASCII, typographic, CJK corner brackets). */
const QUOTES = /["'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f]/gu;

/**
 * Q14: the key two short-text answers are compared by: Unicode NFKC (decomposed Korean jamo and
 * full-width letters match), lower case, no quotation marks, no whitespace, no trailing period.
 */
export function textAnswerKey(raw: string): string {
  return raw
    .normalize("NFKC")
    .toLowerCase()
    .replace(QUOTES, "")
    .replace(/\s+/gu, "")
    .replace(/[.。]+$/u, "");
}

/**
 * Q11: partial credit for select-all-that-apply with k correct of n options:
 * right picks / k − wrong picks / (n − k), floored at 0. Picking every option scores 0, so it is
 * never better than picking only what one knows.
 */
export function multipleCredit(correct: readonly number[], picked: readonly number[], optionCount: number): number {
  const right = new Set(correct);
  const wrongOptions = optionCount - right.size;
  let hits = 0;
  let misses = 0;
  for (const p of new Set(picked))
    if (right.has(p)) hits++;
    else misses++;
  return Math.max(0, hits / right.size - (wrongOptions > 0 ? misses / wrongOptions : 0));
}

/** Q13: a numeric answer counts when |value − answer| ≤ tolerance. */
export function withinTolerance(value: number, answer: number, tolerance: number): boolean {
  return Math.abs(value - answer) <= tolerance + NUMERIC_EPSILON * Math.max(1, Math.abs(answer));
}

/**
 * Q10–Q15: how right `answer` is, in [0, 1]. `displayOrder` is the permutation the round showed an
 * ordering question's items in (lib/quiz/order.ts); other types ignore it.
 * The caller has checked the answer fits the question (answerProblem); a mismatch scores 0.
 */
export function correctnessOf(question: QuestionBody, answer: Answer, displayOrder: readonly number[] = []): number {
  switch (question.type) {
    case "single":
      return answer.type === "single" && answer.choice === question.correct ? 1 : 0;
    case "multiple":
      return answer.type === "multiple" ? multipleCredit(question.correct, answer.choices, question.options.length) : 0;
    case "truefalse":
      return answer.type === "truefalse" && answer.value === question.correct ? 1 : 0;
    case "numeric": {
      if (answer.type !== "numeric") return 0;
      const read = readNumber(answer.text, question.unit);
      return read.ok && withinTolerance(read.value, question.answer, question.tolerance) ? 1 : 0;
    }
    case "text": {
      if (answer.type !== "text") return 0;
      const key = textAnswerKey(answer.text);
      return key !== "" && question.accepted.some((a) => textAnswerKey(a) === key) ? 1 : 0;
    }
    case "ordering": {
      // Q15: all or nothing — every item in its place.
      if (answer.type !== "ordering" || answer.order.length !== question.items.length) return 0;
      return answer.order.every((position, i) => (displayOrder[position] ?? position) === i) ? 1 : 0;
    }
    default: {
      const never: never = question;
      return never;
    }
  }
}

/** Q16: the speed factor: 1 at once, 0.5 at the time limit (elapsed is clamped to [0, limit]). */
export function speedFactor(elapsedMs: number, limitMs: number): number {
  const fraction = limitMs > 0 ? Math.min(1, Math.max(0, elapsedMs / limitMs)) : 0;
  return 1 - fraction / 2;
}

/** Q17: the streak after this answer: +1 when fully correct, otherwise back to 0. */
export function nextStreak(previousStreak: number, correctness: number): number {
  return correctness === 1 ? previousStreak + 1 : 0;
}

/**
 * Q17: the streak bonus: a flat 100 per correct answer in a row after the first, at most 500, on
 * any question that is worth points (multiplier > 0). The multiplier weights the question's own
 * answer points, not the streak (Kahoot's rule).
 */
export function streakBonus(streak: number, multiplier: number): number {
  return multiplier > 0 ? STREAK_BONUS_STEP * Math.min(Math.max(0, streak - 1), STREAK_BONUS_MAX_STEPS) : 0;
}

export interface ScoreInput {
  correctness: number;
  elapsedMs: number;
  limitMs: number;
  multiplier: number;
  mode: ScoringMode;
  /** The student's streak after the previous question of the round (0 if unanswered or first). */
  previousStreak: number;
}

export interface Score {
  /** Total points of this answer: answer points + streak bonus. */
  points: number;
  answerPoints: number;
  bonus: number;
  streak: number;
}

/**
 * Q16–Q18: the points of one answer.
 * speed mode:    round(BASE × multiplier × correctness × speedFactor) + streak bonus
 * accuracy mode: round(BASE × multiplier × correctness); no speed factor and no streak bonus
 *                (the streak is still counted and shown).
 */
export function scoreAnswer(input: ScoreInput): Score {
  const streak = nextStreak(input.previousStreak, input.correctness);
  const speed = input.mode === "speed" ? speedFactor(input.elapsedMs, input.limitMs) : 1;
  const answerPoints = Math.round(BASE_POINTS * input.multiplier * input.correctness * speed);
  const bonus = input.mode === "speed" ? streakBonus(streak, input.multiplier) : 0;
  return { points: answerPoints + bonus, answerPoints, bonus, streak };
}
