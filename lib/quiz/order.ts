/**
 * The order in which a round shows a question's choices (rules Q15, Q15a of lib/quiz/SPEC.md):
 * a permutation derived from a seed (round id and question index), so every client, the
 * projector, the server and a restarted server agree without storing it.
 * `perm[p]` is the index (in the question as stored) of the choice shown at display position p.
 *
 * Ordering items are never shown in the correct order. The options of single and multiple
 * choice questions and the two buttons of a true/false question are shuffled uniformly, per
 * round: a student pressing the same position every time scores what chance gives.
 */
import type { Answer } from "./answers";
import type { QuestionBody } from "./questions";

/** FNV-1a, 32 bit. */
function hash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small deterministic PRNG in [0, 1). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniformly random permutation of n items (Fisher–Yates). */
export function shuffledOrder(n: number, seed: string): number[] {
  const perm = Array.from({ length: n }, (_, i) => i);
  const random = prng(hash(seed));
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  return perm;
}

/** Q15: a shuffled order of n ordering items that is never the correct order itself (for n ≥ 2). */
export function displayOrder(n: number, seed: string): number[] {
  const perm = shuffledOrder(n, seed);
  if (n >= 2 && perm.every((v, i) => v === i)) perm.push(perm.shift()!);
  return perm;
}

/** True/false buttons: index 0 is "true" (O), index 1 is "false" (X). */
export const TRUE_FALSE_VALUES = [true, false] as const;

/**
 * Q15/Q15a: the display order of a question's choices in a round (options, the true/false
 * buttons, ordering items); [] for numeric and short-text questions.
 */
export function choiceOrder(question: QuestionBody, seed: string): number[] {
  switch (question.type) {
    case "single":
    case "multiple":
      return shuffledOrder(question.options.length, `${seed}#options`);
    case "truefalse":
      return shuffledOrder(TRUE_FALSE_VALUES.length, `${seed}#options`);
    case "ordering":
      return displayOrder(question.items.length, seed);
    case "numeric":
    case "text":
      return [];
    default: {
      const never: never = question;
      return never;
    }
  }
}

/**
 * Q15a: a choice answer as the student sent it (display positions) in the question's own option
 * indices, which the server scores and stores. True/false answers carry the value itself and
 * ordering answers stay in display positions (Q15 scoring maps them).
 */
export function canonicalAnswer(answer: Answer, order: readonly number[]): Answer {
  switch (answer.type) {
    case "single":
      return { type: "single", choice: order[answer.choice] ?? answer.choice };
    case "multiple":
      return { type: "multiple", choices: answer.choices.map((c) => order[c] ?? c) };
    case "truefalse":
    case "numeric":
    case "text":
    case "ordering":
      return answer;
    default: {
      const never: never = answer;
      return never;
    }
  }
}

/** Q15a: `byIndex` (one entry per stored option or button) in display order. */
export function inDisplayOrder<T>(byIndex: readonly T[], order: readonly number[]): T[] {
  return order.length === byIndex.length ? order.map((i) => byIndex[i]) : [...byIndex];
}

export function orderSeed(roundId: string, questionIndex: number): string {
  return `${roundId}#${questionIndex}`;
}
