/**
 * What the reveal and the podium show, computed from a question and its answers (rules Q20–Q22
 * of lib/quiz/SPEC.md): the answer histogram and the standings.
 */
import type { Answer } from "./answers";
import { readNumber } from "./numberEntry";
import { inDisplayOrder } from "./order";
import { textAnswerKey, withinTolerance } from "./scoring";
import type { Localized, QuestionBody } from "./questions";

export interface Bucket {
  label: Localized;
  count: number;
  /** Whether this bucket is (part of) the correct answer. */
  correct: boolean;
}

/** Accepted short-text answers the reveal lists (the first ones: usually the Korean and English terms). */
export const REVEAL_TEXT_VARIANTS = 4;
/** Most frequent short-text answers shown individually; the rest are "other". */
export const TEXT_BUCKETS = 5;

const both = (s: string): Localized => ({ ko: s, en: s });

/**
 * Q20: the histogram of a question's answers (stored answers: option indices of the question).
 * Choice questions: one bucket per option (a multiple-choice answer counts in every option it
 * picked), in `order` — the round's display order (Q15a), so each bar has the colour and shape of
 * the button students pressed; in the stored order when `order` is empty.
 * True/false: O and X. Numeric: within tolerance / outside. Short text: the most frequent
 * normalised answers, then "other". Ordering: correct order / other orders.
 */
export function histogramOf(question: QuestionBody, answers: readonly Answer[], correctness: readonly number[], order: readonly number[] = []): Bucket[] {
  const buckets = storedOrderHistogram(question, answers, correctness);
  return question.type === "single" || question.type === "multiple" || question.type === "truefalse" ? inDisplayOrder(buckets, order) : buckets;
}

function storedOrderHistogram(question: QuestionBody, answers: readonly Answer[], correctness: readonly number[]): Bucket[] {
  switch (question.type) {
    case "single":
    case "multiple": {
      const correct = new Set(question.type === "single" ? [question.correct] : question.correct);
      const counts = question.options.map(() => 0);
      for (const a of answers) {
        if (a.type === "single") counts[a.choice] = (counts[a.choice] ?? 0) + 1;
        if (a.type === "multiple") for (const c of a.choices) counts[c] = (counts[c] ?? 0) + 1;
      }
      return question.options.map((label, i) => ({ label, count: counts[i], correct: correct.has(i) }));
    }
    case "truefalse": {
      const yes = answers.filter((a) => a.type === "truefalse" && a.value).length;
      const no = answers.filter((a) => a.type === "truefalse" && !a.value).length;
      return [
        { label: { ko: "O (참)", en: "True" }, count: yes, correct: question.correct },
        { label: { ko: "X (거짓)", en: "False" }, count: no, correct: !question.correct },
      ];
    }
    case "numeric": {
      const within = answers.filter((a) => {
        const read = a.type === "numeric" ? readNumber(a.text, question.unit) : null;
        return read?.ok === true && withinTolerance(read.value, question.answer, question.tolerance);
      }).length;
      const shown = question.tolerance > 0 ? `${question.answer} ± ${question.tolerance}` : `${question.answer}`;
      return [
        { label: both(shown + (question.unit ? ` ${question.unit}` : "")), count: within, correct: true },
        { label: { ko: "그 밖의 값", en: "Other values" }, count: answers.length - within, correct: false },
      ];
    }
    case "text": {
      const counts = new Map<string, { shown: string; count: number; correct: boolean }>();
      answers.forEach((a, i) => {
        if (a.type !== "text") return;
        const key = textAnswerKey(a.text);
        const entry = counts.get(key) ?? { shown: a.text.trim(), count: 0, correct: correctness[i] === 1 };
        entry.count++;
        counts.set(key, entry);
      });
      const sorted = [...counts.values()].sort((x, y) => y.count - x.count || x.shown.localeCompare(y.shown));
      const top = sorted.slice(0, TEXT_BUCKETS).map((e) => ({ label: both(e.shown), count: e.count, correct: e.correct }));
      const rest = sorted.slice(TEXT_BUCKETS).reduce((sum, e) => sum + e.count, 0);
      return rest > 0 ? [...top, { label: { ko: "그 밖의 답", en: "Other answers" }, count: rest, correct: false }] : top;
    }
    case "ordering": {
      const right = correctness.filter((c) => c === 1).length;
      return [
        { label: { ko: "올바른 순서", en: "Correct order" }, count: right, correct: true },
        { label: { ko: "다른 순서", en: "Other orders" }, count: answers.length - right, correct: false },
      ];
    }
    default: {
      const never: never = question;
      return never;
    }
  }
}

/** The correct answer as reveal shows it. */
export function correctAnswerOf(question: QuestionBody): Localized[] {
  switch (question.type) {
    case "single":
      return [question.options[question.correct]];
    case "multiple":
      return question.correct.map((i) => question.options[i]);
    case "truefalse":
      return [question.correct ? { ko: "O (참)", en: "True" } : { ko: "X (거짓)", en: "False" }];
    case "numeric":
      return [both(`${question.answer}${question.unit ? ` ${question.unit}` : ""}${question.tolerance > 0 ? ` (± ${question.tolerance})` : ""}`)];
    case "text":
      return [both(question.accepted.slice(0, REVEAL_TEXT_VARIANTS).join(" · "))];
    case "ordering":
      return question.items;
    default: {
      const never: never = question;
      return never;
    }
  }
}

export interface StandingInput {
  participantId: string;
  displayName: string;
  points: number;
  /** Fully correct answers. */
  correct: number;
}
export interface Standing extends StandingInput {
  /** 1-based; equal points share a rank (1, 2, 2, 4). */
  rank: number;
}

/**
 * Q21: standings: by points (high first); equal points share a rank; within a tie, more fully
 * correct answers first, then by name — only the listing order, never the rank.
 */
export function rankStandings(rows: readonly StandingInput[]): Standing[] {
  const sorted = [...rows].sort(
    (a, b) => b.points - a.points || b.correct - a.correct || a.displayName.localeCompare(b.displayName) || a.participantId.localeCompare(b.participantId),
  );
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || row.points !== sorted[i - 1].points) rank = i + 1;
    return { ...row, rank };
  });
}
