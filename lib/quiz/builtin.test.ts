/** The built-in bank: valid, big enough, bilingual, tagged, and every numeric answer recomputed. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BUILTIN_QUESTIONS } from "./builtin";
import { questionDraftSchema } from "./questions";
import { QUIZ_TAGS } from "./tags";

const out = (n: number, f: number, stride = 1, pad = 0) => (n - f + 2 * pad) / stride + 1;
const lstm = (h: number, x: number) => 4 * (h * (h + x) + h);
const gru = (h: number, x: number) => 3 * (h * (h + x) + h);
const softmax = (logits: number[], temperature = 1) => {
  const e = logits.map((l) => Math.exp(l / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};

/** Each numeric question's answer, computed from the formula its prompt states. */
const COMPUTED: Record<string, number> = {
  "rnn-params-3-2-3": 2 * 3 + 2 * 2 + 3 * 2,
  "onehot-length": [" ", "기", "억", "속", "으", "로"].length,
  "onehot-dot": [0, 0, 1, 0, 0, 0].reduce((s, v, i) => s + v * [0, 0, 0, 1, 0, 0][i], 0),
  "ce-bits-quarter": -Math.log2(0.25),
  "ce-uniform-64": -Math.log2(1 / 64),
  "softmax-equal-4": softmax([2, 2, 2, 2])[0],
  "vg-half-10": 0.5 ** 10,
  "lstm-params-128-65": lstm(128, 65),
  "lstm-params-256-100": lstm(256, 100),
  "gru-params-128-65": gru(128, 65),
  "temp-two-logits": softmax([Math.log(4), 0], 2)[0],
  "cnn-out-7-3-1": out(7, 3, 1),
  "cnn-out-7-3-2": out(7, 3, 2),
  "cnn-alexnet-conv1": out(227, 11, 4),
  "cnn-out-32-5-1": out(32, 5, 1),
  "cnn-out-pad": out(32, 3, 1, 1),
  "cnn-params-6-5x5x3": 6 * (5 * 5 * 3 + 1),
  "cnn-vgg-conv3-64": 3 * 3 * 64 * 64,
  "cnn-two-3x3-weights": 3 * 3 * 2,
  "auto-pairs": [..."기억 속으로"].length - 1,
};

describe("built-in question bank", () => {
  it("has at least 40 questions with unique ids", () => {
    assert.ok(BUILTIN_QUESTIONS.length >= 40, `${BUILTIN_QUESTIONS.length} questions`);
    assert.equal(new Set(BUILTIN_QUESTIONS.map((b) => b.id)).size, BUILTIN_QUESTIONS.length);
  });

  for (const b of BUILTIN_QUESTIONS) {
    it(`${b.id}: valid, bilingual, tagged from the closed list`, () => {
      const parsed = questionDraftSchema.safeParse(b.question);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
      const q = parsed.data;
      assert.ok(q.tags.length > 0);
      for (const tag of q.tags) assert.ok((QUIZ_TAGS as readonly string[]).includes(tag));
      assert.notEqual(q.prompt.ko, q.prompt.en, "Korean and English prompts are both written");
      assert.match(q.prompt.ko, /[가-힣]/, "the Korean prompt is Korean");
    });
  }

  it("covers every type and the lecture topics", () => {
    const types = new Set(BUILTIN_QUESTIONS.map((b) => b.question.type));
    assert.deepEqual([...types].sort(), ["multiple", "numeric", "ordering", "single", "text", "truefalse"]);
    const tags = new Set(BUILTIN_QUESTIONS.flatMap((b) => b.question.tags ?? []));
    for (const tag of ["recurrence", "one-hot", "cross-entropy", "bptt", "vanishing-gradient", "lstm-gates", "gru", "sampling-temperature", "overfitting", "cnn-arithmetic", "autocomplete"]) assert.ok(tags.has(tag as never), tag);
  });

  it("every numeric answer matches its formula (within the question's tolerance)", () => {
    const numeric = BUILTIN_QUESTIONS.filter((b) => b.question.type === "numeric");
    assert.deepEqual(numeric.map((b) => b.id).sort(), Object.keys(COMPUTED).sort(), "every numeric question has a formula here");
    for (const b of numeric) {
      if (b.question.type !== "numeric") continue;
      const expected = COMPUTED[b.id];
      assert.ok(Math.abs(b.question.answer - expected) <= b.question.tolerance + 1e-12, `${b.id}: stored ${b.question.answer}, computed ${expected}`);
      if (b.question.tolerance === 0) assert.ok(Number.isInteger(expected), `${b.id}: exact answers are whole numbers`);
    }
  });

  it("the stride-3 question is right that 7×7 / 3×3 / stride 3 does not fit", () => {
    assert.ok(!Number.isInteger(out(7, 3, 3)));
  });
});
