/**
 * A student who never reads the question (issue 14, rule Q15a): on every built-in topic quiz they
 * press the first button of each single-choice and true/false question, pick options 1–3 of each
 * select-all question, submit each ordering as shown, and leave numeric and short-text questions
 * blank. They play through the round engine's own functions — `publicQuestion` (what the round
 * shows) and `judgeAnswer` (how the server reads and scores what was pressed), the two the live
 * runner calls — over many rounds, and their mean score must be no better than chance, whatever
 * the stored answer keys are. (A student who always says "O" whatever the position scores the
 * bank's share of true statements: that is the bank's balance, checked by the bank's own test.)
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Answer } from "../../lib/quiz/answers";
import { builtinByTag } from "../../lib/quiz/builtin";
import { questionDraftSchema, type QuestionDraft } from "../../lib/quiz/questions";
import { multipleCredit } from "../../lib/quiz/scoring";
import { QUIZ_TAGS } from "../../lib/quiz/tags";
import type { PublicQuestion } from "../../lib/protocol/quiz";
import { judgeAnswer, publicQuestion } from "../../server/domain/quizPlay";

/** Rounds played per topic quiz (each round id seeds its own shuffle). */
const ROUNDS = 2000;
/** Options a blind select-all guesser picks: the first three. */
const BLIND_PICKS = 3;

/** What the blind student presses, seeing only the positions of the buttons. */
function blindAnswer(shown: PublicQuestion): Answer | null {
  switch (shown.type) {
    case "single":
      return { type: "single", choice: 0 };
    case "multiple":
      return { type: "multiple", choices: Array.from({ length: Math.min(BLIND_PICKS, shown.options!.length) }, (_, i) => i) };
    case "truefalse":
      return { type: "truefalse", value: shown.truthButtons![0] };
    case "ordering":
      return { type: "ordering", order: shown.items!.map((_, i) => i) };
    case "numeric":
    case "text":
      return null;
  }
}

/** What a student who knows the answer presses (to show the same path can score). */
function knowingAnswer(question: QuestionDraft, shown: PublicQuestion): Answer | null {
  const at = (label: { en: string }) => shown.options!.findIndex((o) => o.en === label.en);
  switch (question.type) {
    case "single":
      return { type: "single", choice: at(question.options[question.correct]) };
    case "multiple":
      return { type: "multiple", choices: question.correct.map((i) => at(question.options[i])) };
    case "truefalse":
      return { type: "truefalse", value: question.correct };
    case "ordering":
      return { type: "ordering", order: question.items.map((item) => shown.items!.findIndex((s) => s.en === item.en)) };
    case "numeric":
      return { type: "numeric", text: String(question.answer) };
    case "text":
      return { type: "text", text: question.accepted[0] };
  }
}

function subsets(n: number, size: number, from = 0): number[][] {
  if (size === 0) return [[]];
  const out: number[][] = [];
  for (let i = from; i <= n - size; i++) for (const rest of subsets(n, size - 1, i + 1)) out.push([i, ...rest]);
  return out;
}
const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/** Expected correctness of pressing the same buttons when the options are in a uniformly random order. */
function chanceOf(q: QuestionDraft): number {
  switch (q.type) {
    case "single":
      return 1 / q.options.length;
    case "truefalse":
      return 1 / 2;
    case "multiple": {
      const picks = subsets(q.options.length, Math.min(BLIND_PICKS, q.options.length));
      return picks.reduce((sum, p) => sum + multipleCredit(q.correct, p, q.options.length), 0) / picks.length;
    }
    case "ordering":
      return 1 / factorial(q.items.length);
    case "numeric":
    case "text":
      return 0;
  }
}

/** Score of one answer: correctness × the question's points multiplier (points before speed, per 1000). */
function play(round: { id: string; questions: QuestionDraft[] }, answerOf: (q: QuestionDraft, shown: PublicQuestion) => Answer | null): number {
  let score = 0;
  round.questions.forEach((question, index) => {
    const answer = answerOf(question, publicQuestion(round, index));
    if (!answer) return;
    const judged = judgeAnswer(round, index, answer);
    assert.ok(!("problem" in judged), `question ${index}: ${"problem" in judged ? judged.problem : ""}`);
    score += judged.correctness * question.pointsMultiplier;
  });
  return score;
}

const topics = QUIZ_TAGS.map((tag) => ({ tag, questions: builtinByTag(tag).map((b) => questionDraftSchema.parse(b.question)) })).filter(
  (t) => t.questions.length > 0,
);

describe("Q15a a student who never reads the question scores no better than chance on every built-in topic quiz", () => {
  it("there are built-in topic quizzes to play", () => assert.ok(topics.length >= 5, `${topics.length} topics`));

  for (const { tag, questions } of topics) {
    it(`topic ${tag} (${questions.length} questions)`, () => {
      const chance = questions.reduce((sum, q) => sum + chanceOf(q) * q.pointsMultiplier, 0);
      const best = questions.reduce((sum, q) => sum + q.pointsMultiplier, 0);
      const scores = Array.from({ length: ROUNDS }, (_, r) => play({ id: `blind-${tag}-${r}`, questions }, (_, shown) => blindAnswer(shown)));
      const mean = scores.reduce((a, b) => a + b, 0) / ROUNDS;
      const variance = scores.reduce((a, b) => a + (b - mean) ** 2, 0) / (ROUNDS - 1);
      const margin = 4 * Math.sqrt(variance / ROUNDS) + 1e-9;
      assert.ok(mean <= chance + margin, `blind mean ${mean.toFixed(3)} > chance ${chance.toFixed(3)} + ${margin.toFixed(3)} (of ${best})`);
      // The same path rewards knowing: a student who reads the question gets every point.
      assert.equal(play({ id: `blind-${tag}-0`, questions }, knowingAnswer), best);
    });
  }
});
