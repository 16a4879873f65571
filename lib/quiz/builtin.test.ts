/**
 * The built-in bank: valid, bilingual, explained and cited, covering all five lectures, free of
 * answer-position, "true" and length cues a blind guesser could exploit, with every numeric answer
 * recomputed from its formula and every short-text answer accepted the ways people write it.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BUILTIN_QUESTIONS, builtinByTag } from "./builtin";
import { questionDraftSchema, type QuestionDraft } from "./questions";
import { correctnessOf } from "./scoring";
import { QUIZ_TAGS } from "./tags";

const questions = BUILTIN_QUESTIONS.map((b) => ({ id: b.id, q: questionDraftSchema.parse(b.question) }));
type Of<T extends QuestionDraft["type"]> = Extract<QuestionDraft, { type: T }>;
const ofType = <T extends QuestionDraft["type"]>(type: T) => questions.filter((x): x is { id: string; q: Of<T> } => x.q.type === type);

/** Ids of the bank before the rewrite: dashboards and instructors' copies refer to them. */
const ORIGINAL_IDS = [
  "rnn-inputs",
  "rnn-shared-weights",
  "rnn-any-length",
  "rnn-params-3-2-3",
  "rnn-sequence-data",
  "onehot-length",
  "onehot-eok",
  "onehot-single-one",
  "onehot-dot",
  "ce-which-loss",
  "ce-bits-quarter",
  "ce-uniform-64",
  "ce-perfect",
  "softmax-what",
  "softmax-equal-4",
  "softmax-properties",
  "bptt-steps",
  "bptt-shared-gradient",
  "bptt-truncated",
  "bptt-clipping",
  "bptt-seq-length",
  "vg-why",
  "vg-half-10",
  "vg-sigmoid-derivative",
  "vg-relu",
  "lstm-forget",
  "lstm-output",
  "lstm-additive",
  "lstm-params-128-65",
  "lstm-params-256-100",
  "lstm-sigmoid-gates",
  "lstm-cell-state-name",
  "lstm-four-blocks",
  "gru-gates",
  "gru-no-cell",
  "gru-params-128-65",
  "gru-update-role",
  "temp-low",
  "temp-high",
  "temp-two-logits",
  "temp-one",
  "generate-steps",
  "overfit-curves",
  "overfit-remedies",
  "dropout-what",
  "dropout-train-only",
  "cnn-out-7-3-1",
  "cnn-out-7-3-2",
  "cnn-stride-3-fits",
  "cnn-alexnet-conv1",
  "cnn-out-32-5-1",
  "cnn-out-pad",
  "cnn-params-6-5x5x3",
  "cnn-vgg-conv3-64",
  "cnn-two-3x3-weights",
  "cnn-two-3x3-why",
  "auto-next",
  "auto-pairs",
  "auto-complete-word",
];

// ── Formulas, written here independently of the bank ──
/** Output side of a square convolution or pooling: (N − F + 2P) / stride + 1. */
const out = (n: number, f: number, stride = 1, pad = 0) => (n - f + 2 * pad) / stride + 1;
/** One bias vector per gate block (TensorFlow's and this app's convention). */
const lstm = (h: number, x: number) => 4 * (h * (h + x) + h);
const gru = (h: number, x: number) => 3 * (h * (h + x) + h);
const softmax = (logits: number[], temperature = 1) => {
  const e = logits.map((l) => Math.exp(l / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};
/** VGG16 as lecture 04 tabulates it: 3×3 convolutions (in → out channels), then three FC layers, no biases. */
const VGG16_CONV: [cin: number, cout: number][] = [
  [3, 64],
  [64, 64],
  [64, 128],
  [128, 128],
  [128, 256],
  [256, 256],
  [256, 256],
  [256, 512],
  [512, 512],
  [512, 512],
  [512, 512],
  [512, 512],
  [512, 512],
];
const VGG16_FC: [inputs: number, outputs: number][] = [
  [7 * 7 * 512, 4096],
  [4096, 4096],
  [4096, 1000],
];
const vgg16Weights = VGG16_CONV.reduce((s, [cin, cout]) => s + 3 * 3 * cin * cout, 0) + VGG16_FC.reduce((s, [i, o]) => s + i * o, 0);
/** Sum of a word's row in a co-occurrence matrix with a window of one word each side. */
const cooccurrenceRowSum = (tokens: string[], word: string) =>
  tokens.reduce((s, tok, i) => s + (tok === word ? (i > 0 ? 1 : 0) + (i < tokens.length - 1 ? 1 : 0) : 0), 0);
/** Sliding windows of `length` inputs plus one target over a text of `n` characters, moving one at a time. */
const windows = (n: number, length: number) => {
  let count = 0;
  for (let start = 0; start + length < n; start++) count++;
  return count;
};

/** Each numeric question's answer, computed from the formula its prompt states. */
const COMPUTED: Record<string, number> = {
  "rnn-params-3-2-3": 2 * 3 + 2 * 2 + 3 * 2,
  "onehot-length": [" ", "기", "억", "속", "으", "로"].length,
  "onehot-dot": [0, 0, 1, 0, 0, 0].reduce((s, v, i) => s + v * [0, 0, 0, 1, 0, 0][i], 0),
  "ce-bits-quarter": -Math.log2(0.25),
  "ce-uniform-64": -Math.log2(1 / 64),
  "bpc-from-nats": 1.386 / Math.LN2,
  "softmax-equal-4": softmax([2, 2, 2, 2])[0],
  "ce-gradient-value": [0.7, 0.2, 0.1][1] - [0, 1, 0][1],
  "clip-norm": (6 * 5) / Math.hypot(6, 8),
  "vg-half-10": 0.5 ** 10,
  "lstm-running-average": (4 - 1) / 4,
  "lstm-params-128-65": lstm(128, 65),
  "lstm-params-256-100": lstm(256, 100),
  "gru-params-128-65": gru(128, 65),
  "temp-two-logits": softmax([Math.log(4), 0], 2)[0],
  "cnn-out-7-3-1": out(7, 3, 1),
  "cnn-out-7-3-2": out(7, 3, 2),
  "cnn-alexnet-conv1": out(227, 11, 4),
  "cnn-out-32-5-1": out(32, 5, 1),
  "cnn-out-pad": out(32, 3, 1, 1),
  "cnn-maxpool-side": out(224, 2, 2),
  "cnn-params-6-5x5x3": 6 * (5 * 5 * 3 + 1),
  "cnn-vgg-conv3-64": 3 * 3 * 64 * 64,
  "cnn-vgg16-total": vgg16Weights / 1e6,
  "cnn-inception-depth": 128 + 192 + 96 + 256,
  "cnn-two-3x3-weights": 3 * 3 * 2,
  "conv-edge-flat": [-1, 0, 1, -1, 0, 1, -1, 0, 1].reduce((s, w) => s + w * 5, 0),
  "we-cooccurrence": cooccurrenceRowSum(["you", "say", "goodbye", "and", "i", "say", "hello", "."], "say"),
  "textgen-lstm-params": lstm(128, 59),
  "textgen-windows": windows(10_000, 40),
  "textgen-batch-numbers": 128 * 40 * 59,
  "auto-pairs": [..."기억 속으로"].length - 1,
};

const len = (s: string) => [...s].length;
/** Credit for always picking `picks` on a select-all question, by the real scoring rule (Q11). */
const creditFor = (q: Of<"multiple">, picks: number[]) => correctnessOf(q, { type: "multiple", choices: picks });
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("built-in question bank", () => {
  it("has at least 90 questions, unique ids, and keeps every original id", () => {
    assert.ok(questions.length >= 90, `${questions.length} questions`);
    assert.equal(new Set(questions.map((x) => x.id)).size, questions.length);
    const ids = new Set(questions.map((x) => x.id));
    for (const id of ORIGINAL_IDS) assert.ok(ids.has(id), `${id} is kept`);
  });

  for (const b of BUILTIN_QUESTIONS) {
    it(`${b.id}: valid, bilingual, tagged from the closed list, explained`, () => {
      const parsed = questionDraftSchema.safeParse(b.question);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
      const q = parsed.data;
      assert.ok(q.tags.length > 0);
      for (const tag of q.tags) assert.ok((QUIZ_TAGS as readonly string[]).includes(tag));
      assert.notEqual(q.prompt.ko, q.prompt.en, "Korean and English prompts are both written");
      assert.match(q.prompt.ko, /[가-힣]/, "the Korean prompt is Korean");
      assert.ok(q.explanation, "every question explains its answer at the reveal");
      assert.match(q.explanation.ko, /[가-힣]/, "the Korean explanation is Korean");
      assert.notEqual(q.explanation.ko, q.explanation.en);
      // Short enough to read at the reveal on a projector, next to the histogram.
      for (const text of [q.explanation.ko, q.explanation.en]) assert.ok(len(text) <= 400, `explanation of ${len(text)} characters`);
      // The prompt must not hand over a short-text answer.
      if (q.type === "text")
        for (const a of q.accepted)
          assert.ok(![q.prompt.ko, q.prompt.en].some((p) => p.toLowerCase().includes(a.toLowerCase())), `the prompt contains the answer ${a}`);
      // Cited from a lecture slide, or flagged (and said) to be beyond the lectures — never both, never neither.
      if (q.beyondLectures) {
        assert.match(q.explanation.en, /\(not in the lectures\)$/);
        assert.doesNotMatch(q.explanation.en, /lecture 0\d, “/);
      } else {
        assert.match(q.explanation.ko, /\(강의 0[1-5](·0[1-5])* 「.+」\)$/);
        assert.match(q.explanation.en, /\(lecture 0[1-5](·0[1-5])*, “.+”\)$/);
      }
    });
  }

  it("leaves time to read: at least 5 s plus 1 s per 6 characters of the Korean prompt and options", () => {
    for (const { id, q } of questions) {
      const choices = q.type === "single" || q.type === "multiple" ? q.options : q.type === "ordering" ? q.items : [];
      const characters = len(q.prompt.ko) + choices.reduce((s, c) => s + len(c.ko), 0);
      const needed = Math.ceil(5 + characters / 6);
      assert.ok(q.timeLimitSec >= needed, `${id}: ${q.timeLimitSec} s for ${characters} characters (needs ${needed} s)`);
    }
  });

  it("covers every type, and every concept tag has questions for a topic quiz", () => {
    assert.deepEqual([...new Set(questions.map((x) => x.q.type))].sort(), ["multiple", "numeric", "ordering", "single", "text", "truefalse"]);
    for (const tag of QUIZ_TAGS) assert.ok(builtinByTag(tag).length >= 3, `${tag}: ${builtinByTag(tag).length} questions`);
  });

  it("covers all five lecture decks in balance", () => {
    const perDeck = new Map<string, number>();
    for (const { q } of questions) {
      const cited = q.explanation?.en.match(/\(lecture ((?:0\d)(?:·0\d)*), “/)?.[1].split("·") ?? [];
      for (const deck of cited) perDeck.set(deck, (perDeck.get(deck) ?? 0) + 1);
    }
    for (const deck of ["01", "02", "03", "04", "05"]) assert.ok((perDeck.get(deck) ?? 0) >= 15, `lecture ${deck}: ${perDeck.get(deck) ?? 0} questions`);
  });

  it("flags about a dozen questions as beyond the lectures (temperature, clipping, truncated BPTT, bits, early stopping)", () => {
    const beyond = questions.filter((x) => x.q.beyondLectures).map((x) => x.id);
    assert.ok(beyond.length >= 10 && beyond.length <= 14, `${beyond.length}: ${beyond.join(", ")}`);
    for (const id of ["temp-low", "temp-two-logits", "bptt-clipping", "bptt-truncated", "ce-bits-quarter", "early-stopping"])
      assert.ok(beyond.includes(id), id);
  });
});

describe("no answer cues for a blind guesser", () => {
  const singles = ofType("single");
  const trueFalse = ofType("truefalse");
  const multiples = ofType("multiple");

  it("single choice: the right answer is spread evenly over the four positions", () => {
    assert.ok(
      singles.every(({ q }) => q.options.length === 4),
      "every single-choice question has four options",
    );
    const perPosition = [0, 0, 0, 0];
    for (const { q } of singles) perPosition[q.correct]++;
    const expected = singles.length / 4;
    for (const count of perPosition) assert.ok(Math.abs(count - expected) <= 2, `keys per position ${perPosition.join("/")}`);
    // No long runs of the same key in the order the bank lists them.
    let run = 1;
    for (let i = 1; i < singles.length; i++) {
      run = singles[i].q.correct === singles[i - 1].q.correct ? run + 1 : 1;
      assert.ok(run <= 2, `three single-choice keys in a row at position ${singles[i].q.correct} (up to ${singles[i].id})`);
    }
  });

  it("true/false: about half of the statements are true", () => {
    const share = trueFalse.filter(({ q }) => q.correct).length / trueFalse.length;
    assert.ok(share >= 0.4 && share <= 0.6, `${Math.round(share * 100)} % true`);
  });

  it("true/false in every topic quiz: never more true than false, at most one more false than true", () => {
    // Choice options can be shuffled per round; true/false cannot, so each topic's stored keys must not favour a side.
    for (const tag of QUIZ_TAGS) {
      const keys = builtinByTag(tag).flatMap((b) => (b.question.type === "truefalse" ? [b.question.correct] : []));
      const trues = keys.filter(Boolean).length;
      const falses = keys.length - trues;
      assert.ok(trues <= falses && falses - trues <= 1, `${tag}: ${trues} true, ${falses} false`);
    }
  });

  it("select-all: varied numbers of right options at varied positions; no fixed pick earns more than half", () => {
    assert.ok(new Set(multiples.map(({ q }) => q.correct.length)).size >= 3, "one, two and three right options all occur");
    for (let position = 0; position < 4; position++) {
      const share = multiples.filter(({ q }) => q.correct.includes(position)).length / multiples.length;
      assert.ok(share >= 0.25 && share <= 0.75, `option ${position + 1} is right in ${Math.round(share * 100)} %`);
    }
    for (let mask = 1; mask < 16; mask++) {
      const picks = [0, 1, 2, 3].filter((i) => mask & (1 << i));
      const credit = mean(multiples.map(({ q }) => creditFor(q, picks)));
      assert.ok(credit <= 0.5, `always picking options ${picks.map((p) => p + 1).join(",")} earns ${credit.toFixed(2)}`);
    }
  });

  it("every topic quiz: 'always ▲, options 1–3, true' scores no more than half of its choice questions", () => {
    for (const tag of QUIZ_TAGS) {
      const choice = builtinByTag(tag)
        .map((b) => questionDraftSchema.parse(b.question))
        .filter((q) => q.type === "single" || q.type === "truefalse" || q.type === "multiple");
      if (choice.length < 2) continue;
      const credit = choice.map((q) => {
        if (q.type === "single") return q.correct === 0 ? 1 : 0;
        if (q.type === "truefalse") return q.correct ? 1 : 0;
        if (q.type === "multiple") return creditFor(q, [0, 1, 2]);
        return 0;
      });
      const share = mean(credit);
      assert.ok(share <= 0.5, `${tag}: the blind student earns ${Math.round(share * 100)} % of ${choice.length} choice questions`);
    }
  });

  it("single choice: the right option is not systematically the longest", () => {
    for (const locale of ["ko", "en"] as const) {
      let longest = 0;
      const ratios: number[] = [];
      for (const { id, q } of singles) {
        const right = len(q.options[q.correct][locale]);
        const wrong = q.options.filter((_, i) => i !== q.correct).map((o) => len(o[locale]));
        if (wrong.every((w) => right > w)) longest++;
        const ratio = right / mean(wrong);
        assert.ok(ratio <= 1.6, `${id} (${locale}): the right option is ${ratio.toFixed(1)}× the others' length`);
        ratios.push(ratio);
      }
      assert.ok(longest / singles.length <= 0.3, `${locale}: the right option is the longest in ${longest} of ${singles.length}`);
      assert.ok(mean(ratios) <= 1.15, `${locale}: the right option is on average ${mean(ratios).toFixed(2)}× the others' length`);
    }
  });

  it("select-all: right options are not systematically longer than wrong ones; no option is written twice", () => {
    for (const locale of ["ko", "en"] as const) {
      const right = multiples.flatMap(({ q }) => q.options.filter((_, i) => q.correct.includes(i)).map((o) => len(o[locale])));
      const wrong = multiples.flatMap(({ q }) => q.options.filter((_, i) => !q.correct.includes(i)).map((o) => len(o[locale])));
      assert.ok(
        mean(right) / mean(wrong) <= 1.15,
        `${locale}: right options average ${mean(right).toFixed(1)} characters, wrong ones ${mean(wrong).toFixed(1)}`,
      );
    }
    for (const { id, q } of [...singles, ...multiples]) {
      for (const locale of ["ko", "en"] as const) assert.equal(new Set(q.options.map((o) => o[locale])).size, q.options.length, `${id} (${locale})`);
    }
  });
});

describe("answers", () => {
  it("every numeric answer matches its formula (within the question's tolerance)", () => {
    const numeric = ofType("numeric");
    assert.deepEqual(numeric.map((x) => x.id).sort(), Object.keys(COMPUTED).sort(), "every numeric question has a formula here");
    for (const { id, q } of numeric) {
      const expected = COMPUTED[id];
      assert.ok(Math.abs(q.answer - expected) <= q.tolerance + 1e-12, `${id}: stored ${q.answer}, computed ${expected}`);
      if (q.tolerance === 0) assert.ok(Number.isInteger(expected), `${id}: exact answers are whole numbers`);
    }
  });

  it("the stride-3 question is right that 7×7 / 3×3 / stride 3 does not fit", () => {
    assert.ok(!Number.isInteger(out(7, 3, 3)));
  });

  it("output-size questions say they ask for the side length; parameter counts say how biases are counted", () => {
    for (const id of ["cnn-out-7-3-1", "cnn-out-7-3-2", "cnn-alexnet-conv1", "cnn-out-32-5-1", "cnn-out-pad", "cnn-maxpool-side"]) {
      const q = questions.find((x) => x.id === id)!.q;
      assert.match(q.prompt.en, /side length/i, id);
      assert.match(q.prompt.ko, /한 변의 길이/, id);
    }
    for (const id of [
      "lstm-params-128-65",
      "lstm-params-256-100",
      "gru-params-128-65",
      "textgen-lstm-params",
      "cnn-params-6-5x5x3",
      "cnn-vgg-conv3-64",
      "cnn-vgg16-total",
      "rnn-params-3-2-3",
    ]) {
      const q = questions.find((x) => x.id === id)!.q;
      assert.match(q.prompt.en, /bias/, id);
      assert.match(q.prompt.ko, /편향/, id);
    }
  });

  it("the GRU update explanation gives both conventions (lectures 01·02 and the engine; lectures 04·05)", () => {
    const q = questions.find((x) => x.id === "gru-update-role")!.q;
    assert.ok(q.explanation?.en.includes("h_t = z⊙h_{t-1} + (1 − z)⊙h̃_t"));
    assert.ok(q.explanation?.en.includes("h_t = (1 − z)⊙h_{t-1} + z⊙h̃_t"));
  });

  /** Short-text answers as students write them: [question id, typed, accepted?]. */
  const TYPED: [id: string, typed: string, accepted: boolean][] = [
    ["lstm-cell-state-name", "메모리 셀", true],
    ["lstm-cell-state-name", "memory cell", true],
    ["lstm-cell-state-name", "Cell State", true],
    ["lstm-cell-state-name", "셀상태", true],
    ["lstm-cell-state-name", "C_t", true],
    ["lstm-cell-state-name", "은닉 상태", false],
    ["lstm-cell-state-name", "hidden state", false],
    ["auto-complete-word", "으로", true],
    ["auto-complete-word", "'으로'", true],
    ["auto-complete-word", "“으로”", true],
    ["auto-complete-word", "기억 속으로", true],
    ["auto-complete-word", "'기억 속으로'", true],
    ["auto-complete-word", "으", false],
    ["auto-complete-word", "속", false],
    ["we-cbow-name", "cbow", true],
    ["we-cbow-name", "Continuous Bag of Words", true],
    ["we-cbow-name", "skip-gram", false],
    ["tf-multirnn-name", "tf.contrib.rnn.MultiRNNCell", true],
    ["tf-multirnn-name", "multirnncell", true],
    ["tf-multirnn-name", "DropoutWrapper", false],
  ];
  for (const [id, typed, accepted] of TYPED) {
    it(`${id}: ${JSON.stringify(typed)} is ${accepted ? "accepted" : "refused"}`, () => {
      const q = questions.find((x) => x.id === id)!.q;
      assert.equal(q.type, "text");
      if (q.type !== "text") return;
      assert.equal(correctnessOf(q, { type: "text", text: typed }), accepted ? 1 : 0);
    });
  }
});
