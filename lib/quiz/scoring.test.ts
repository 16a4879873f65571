/** Table-driven tests of the quiz scoring rules (lib/quiz/SPEC.md Q10–Q21). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { answerProblem, type Answer } from "./answers";
import { displayOrder } from "./order";
import type { QuestionBody } from "./questions";
import { correctAnswerOf, histogramOf, rankStandings } from "./results";
import { correctnessOf, multipleCredit, textAnswerKey, scoreAnswer, speedFactor, streakBonus, withinTolerance, type ScoringMode } from "./scoring";

describe("Q16 speed: full points at once, half at the limit", () => {
  const table: [elapsedMs: number, limitMs: number, factor: number][] = [
    [0, 20_000, 1],
    [10_000, 20_000, 0.75],
    [20_000, 20_000, 0.5],
    [30_000, 20_000, 0.5], // clamped
    [-5, 20_000, 1], // clamped
    [5_000, 20_000, 0.875],
  ];
  for (const [elapsed, limit, factor] of table) it(`${elapsed} ms of ${limit} ms → ×${factor}`, () => assert.equal(speedFactor(elapsed, limit), factor));
});

describe("Q16–Q18 points of one answer", () => {
  const table: [
    label: string,
    input: { correctness: number; elapsedMs: number; multiplier: number; mode: ScoringMode; previousStreak: number },
    expected: { points: number; streak: number; bonus: number },
  ][] = [
    ["instant correct", { correctness: 1, elapsedMs: 0, multiplier: 1, mode: "speed", previousStreak: 0 }, { points: 1000, streak: 1, bonus: 0 }],
    ["correct at the limit", { correctness: 1, elapsedMs: 20_000, multiplier: 1, mode: "speed", previousStreak: 0 }, { points: 500, streak: 1, bonus: 0 }],
    [
      "Kahoot example: 1/4 of the time",
      { correctness: 1, elapsedMs: 5_000, multiplier: 1, mode: "speed", previousStreak: 0 },
      { points: 875, streak: 1, bonus: 0 },
    ],
    ["rounding: 1 ms", { correctness: 1, elapsedMs: 1, multiplier: 1, mode: "speed", previousStreak: 0 }, { points: 1000, streak: 1, bonus: 0 }],
    ["double points", { correctness: 1, elapsedMs: 10_000, multiplier: 2, mode: "speed", previousStreak: 0 }, { points: 1500, streak: 1, bonus: 0 }],
    [
      "no points (×0) still counts the streak",
      { correctness: 1, elapsedMs: 0, multiplier: 0, mode: "speed", previousStreak: 2 },
      { points: 0, streak: 3, bonus: 0 },
    ],
    ["wrong", { correctness: 0, elapsedMs: 0, multiplier: 1, mode: "speed", previousStreak: 3 }, { points: 0, streak: 0, bonus: 0 }],
    ["second in a row: +100", { correctness: 1, elapsedMs: 0, multiplier: 1, mode: "speed", previousStreak: 1 }, { points: 1100, streak: 2, bonus: 100 }],
    ["sixth in a row: +500", { correctness: 1, elapsedMs: 0, multiplier: 1, mode: "speed", previousStreak: 5 }, { points: 1500, streak: 6, bonus: 500 }],
    [
      "tenth in a row: capped at +500",
      { correctness: 1, elapsedMs: 0, multiplier: 1, mode: "speed", previousStreak: 9 },
      { points: 1500, streak: 10, bonus: 500 },
    ],
    [
      "streak bonus is flat: ×2 doubles the answer, not the bonus",
      { correctness: 1, elapsedMs: 20_000, multiplier: 2, mode: "speed", previousStreak: 2 },
      { points: 1200, streak: 3, bonus: 200 },
    ],
    [
      "×3, tenth in a row: still at most +500",
      { correctness: 1, elapsedMs: 0, multiplier: 3, mode: "speed", previousStreak: 9 },
      { points: 3500, streak: 10, bonus: 500 },
    ],
    [
      "×0 practice question: no bonus either",
      { correctness: 1, elapsedMs: 0, multiplier: 0, mode: "speed", previousStreak: 5 },
      { points: 0, streak: 6, bonus: 0 },
    ],
    [
      "partial credit breaks the streak",
      { correctness: 0.5, elapsedMs: 0, multiplier: 1, mode: "speed", previousStreak: 4 },
      { points: 500, streak: 0, bonus: 0 },
    ],
    [
      "partial credit scales with speed",
      { correctness: 0.5, elapsedMs: 20_000, multiplier: 1, mode: "speed", previousStreak: 0 },
      { points: 250, streak: 0, bonus: 0 },
    ],
    [
      "accuracy mode ignores time",
      { correctness: 1, elapsedMs: 20_000, multiplier: 1, mode: "accuracy", previousStreak: 0 },
      { points: 1000, streak: 1, bonus: 0 },
    ],
    [
      "accuracy mode: no streak bonus",
      { correctness: 1, elapsedMs: 0, multiplier: 1, mode: "accuracy", previousStreak: 4 },
      { points: 1000, streak: 5, bonus: 0 },
    ],
    ["accuracy mode partial", { correctness: 1 / 3, elapsedMs: 0, multiplier: 1, mode: "accuracy", previousStreak: 0 }, { points: 333, streak: 0, bonus: 0 }],
  ];
  for (const [label, input, expected] of table) {
    it(label, () => {
      const score = scoreAnswer({ ...input, limitMs: 20_000 });
      assert.deepEqual({ points: score.points, streak: score.streak, bonus: score.bonus }, expected);
      assert.equal(score.points, score.answerPoints + score.bonus);
    });
  }
  it("Q17 streak bonus table", () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6, 7].map((s) => streakBonus(s, 1)),
      [0, 0, 100, 200, 300, 400, 500, 500],
    );
    assert.equal(streakBonus(3, 1.5), 200, "flat: the multiplier does not scale it");
    assert.equal(streakBonus(3, 0), 0, "a question worth no points gives no bonus");
  });
});

describe("Q11 partial credit for select-all-that-apply: right/k − wrong/(n−k), floored at 0", () => {
  const table: [correct: number[], picked: number[], n: number, credit: number][] = [
    [[0, 1, 2], [0, 1, 2], 4, 1],
    [[0, 1, 2], [0, 1], 4, 2 / 3],
    [[0, 1, 2], [0], 4, 1 / 3],
    [[0, 1, 2], [0, 1, 2, 3], 4, 0], // picking everything earns nothing (was 2/3)
    [[0, 1, 2], [0, 3], 4, 0],
    [[0, 1, 2], [3], 4, 0], // floored at 0, never negative
    [[0, 2], [0, 1, 2, 3], 4, 0],
    [[0, 2], [0, 1, 2], 4, 0.5],
    [[0, 2], [0], 4, 0.5],
    [[1], [1], 4, 1],
    [[1], [0, 1], 4, 2 / 3],
    [[1], [0, 1, 2, 3], 4, 0],
    [[0, 1], [0, 1], 2, 1], // every option is correct: no wrong pick is possible
    [[0, 2], [2, 2], 4, 0.5], // duplicates count once
  ];
  for (const [correct, picked, n, credit] of table)
    it(`correct ${correct} of ${n}, picked ${picked} → ${credit.toFixed(3)}`, () => assert.ok(Math.abs(multipleCredit(correct, picked, n) - credit) < 1e-12));

  it("picking every option is never better than picking one option known to be right", () => {
    for (let n = 2; n <= 6; n++)
      for (let k = 1; k < n; k++) {
        const correct = Array.from({ length: k }, (_, i) => i);
        const all = Array.from({ length: n }, (_, i) => i);
        assert.ok(multipleCredit(correct, all, n) <= multipleCredit(correct, [0], n), `k=${k} n=${n}`);
      }
  });
});

describe("Q13 numeric tolerance", () => {
  const table: [value: number, answer: number, tolerance: number, ok: boolean][] = [
    [5, 5, 0, true],
    [5.0000001, 5, 0, false],
    [0.1 + 0.2, 0.3, 0, true], // floating-point slack
    [0.66, 0.67, 0.01, true],
    [0.68, 0.67, 0.01, true],
    [0.69, 0.67, 0.01, false],
    [99328, 99328, 0, true],
    [99327, 99328, 0, false],
    [-3, 3, 5, false],
  ];
  for (const [value, answer, tolerance, ok] of table)
    it(`${value} vs ${answer} ± ${tolerance} → ${ok}`, () => assert.equal(withinTolerance(value, answer, tolerance), ok));
});

describe("Q14 short-text answers compared by their key (case, spaces, quotes, NFKC)", () => {
  const decomposed = "셀 상태".normalize("NFD");
  const table: [typed: string, accepted: string, ok: boolean][] = [
    ["Cell State", "cell state", true],
    ["  cell   state ", "cell state", true],
    ["cellstate", "cell state", true],
    ["셀상태", "셀 상태", true],
    [decomposed, "셀 상태", true], // NFD jamo typed on some keyboards
    ["셀 상태.", "셀 상태", true],
    ["셀", "셀 상태", false],
    ["CELL\tSTATE", "cell state", true],
    ["", "cell state", false],
    ['"cell state"', "cell state", true],
    ["“cell state”", "cell state", true],
    ["'셀 상태'", "셀 상태", true],
    ["「셀 상태」", "셀 상태", true],
    ["ＣＥＬＬ ｓｔａｔｅ", "cell state", true], // full-width letters
  ];
  const question: QuestionBody = { type: "text", accepted: ["cell state", "셀 상태"] };
  for (const [typed, accepted, ok] of table) {
    it(`${JSON.stringify(typed)} ~ ${JSON.stringify(accepted)} → ${ok}`, () => {
      assert.equal(textAnswerKey(typed) === textAnswerKey(accepted), ok);
      assert.equal(correctnessOf(question, { type: "text", text: typed }), ok ? 1 : 0);
    });
  }
  it("NFD input gives the composed form", () => assert.equal(textAnswerKey(decomposed), "셀상태".normalize("NFC")));
});

describe("Q10, Q12, Q15 correctness per type", () => {
  const single: QuestionBody = {
    type: "single",
    options: [
      { ko: "a", en: "a" },
      { ko: "b", en: "b" },
    ],
    correct: 1,
  };
  const items = [1, 2, 3, 4].map((i) => ({ ko: `${i}`, en: `${i}` }));
  const ordering: QuestionBody = { type: "ordering", items };
  const perm = displayOrder(4, "round#0");
  // The student puts display positions in the order that restores 0,1,2,3.
  const right = [0, 1, 2, 3].map((item) => perm.indexOf(item));
  const table: [label: string, q: QuestionBody, a: Answer, expected: number, order?: number[]][] = [
    ["single right", single, { type: "single", choice: 1 }, 1],
    ["single wrong", single, { type: "single", choice: 0 }, 0],
    ["true/false right", { type: "truefalse", correct: false }, { type: "truefalse", value: false }, 1],
    ["true/false wrong", { type: "truefalse", correct: false }, { type: "truefalse", value: true }, 0],
    ["numeric right", { type: "numeric", answer: 5, tolerance: 0 }, { type: "numeric", text: "5" }, 1],
    ["numeric with thousands separator", { type: "numeric", answer: 99328, tolerance: 0 }, { type: "numeric", text: "99,328" }, 1],
    ["numeric 2/3 within 0.01 of 0.67", { type: "numeric", answer: 0.67, tolerance: 0.01 }, { type: "numeric", text: "2/3" }, 1],
    ["numeric with a unit after it", { type: "numeric", answer: 2, tolerance: 0, unit: "bits" }, { type: "numeric", text: "2 bits" }, 1],
    ["numeric wrong", { type: "numeric", answer: 99328, tolerance: 0 }, { type: "numeric", text: "99.328" }, 0],
    ["ordering right", ordering, { type: "ordering", order: right }, 1, perm],
    ["ordering as displayed (never the right order)", ordering, { type: "ordering", order: [0, 1, 2, 3] }, 0, perm],
    ["ordering one swap: all or nothing", ordering, { type: "ordering", order: [right[1], right[0], right[2], right[3]] }, 0, perm],
    ["type mismatch scores 0", single, { type: "truefalse", value: true }, 0],
  ];
  for (const [label, q, a, expected, order] of table) it(label, () => assert.equal(correctnessOf(q, a, order), expected));

  it("display orders are deterministic permutations and never the identity", () => {
    for (let n = 2; n <= 6; n++) {
      for (const seed of ["a#0", "a#1", "b#3", "xyz#9"]) {
        const p = displayOrder(n, seed);
        assert.deepEqual(
          [...p].sort(),
          Array.from({ length: n }, (_, i) => i),
        );
        assert.ok(p.some((v, i) => v !== i));
        assert.deepEqual(displayOrder(n, seed), p);
      }
    }
  });
});

describe("Q6 answers that cannot fit the question are refused", () => {
  const single: QuestionBody = {
    type: "single",
    options: [
      { ko: "a", en: "a" },
      { ko: "b", en: "b" },
    ],
    correct: 1,
  };
  const multiple: QuestionBody = {
    type: "multiple",
    options: [
      { ko: "a", en: "a" },
      { ko: "b", en: "b" },
      { ko: "c", en: "c" },
    ],
    correct: [0],
  };
  const ordering: QuestionBody = { type: "ordering", items: [1, 2, 3].map((i) => ({ ko: `${i}`, en: `${i}` })) };
  const table: [label: string, q: QuestionBody, a: Answer, problem: boolean][] = [
    ["option out of range", single, { type: "single", choice: 2 }, true],
    ["option in range", single, { type: "single", choice: 1 }, false],
    ["wrong type", single, { type: "numeric", text: "1" }, true],
    ["a number that cannot be read", { type: "numeric", answer: 1, tolerance: 0 }, { type: "numeric", text: "one" }, true],
    ["a number that can be read", { type: "numeric", answer: 1, tolerance: 0 }, { type: "numeric", text: "1,000" }, false],
    ["multiple out of range", multiple, { type: "multiple", choices: [0, 3] }, true],
    ["multiple twice", multiple, { type: "multiple", choices: [0, 0] }, true],
    ["ordering missing an item", ordering, { type: "ordering", order: [0, 1] }, true],
    ["ordering repeated item", ordering, { type: "ordering", order: [0, 1, 1] }, true],
    ["ordering permutation", ordering, { type: "ordering", order: [2, 0, 1] }, false],
    ["empty text", { type: "text", accepted: ["x"] }, { type: "text", text: "   " }, true],
  ];
  for (const [label, q, a, problem] of table) it(label, () => assert.equal(answerProblem(q, a) !== null, problem));
});

describe("Q20 histogram and Q21 standings", () => {
  it("counts multiple-choice picks in every option picked", () => {
    const q: QuestionBody = { type: "multiple", options: ["a", "b", "c"].map((s) => ({ ko: s, en: s })), correct: [0, 2] };
    const h = histogramOf(
      q,
      [
        { type: "multiple", choices: [0, 2] },
        { type: "multiple", choices: [0] },
        { type: "multiple", choices: [1] },
      ],
      [1, 0.5, 0],
    );
    assert.deepEqual(
      h.map((b) => [b.count, b.correct]),
      [
        [2, true],
        [1, false],
        [1, true],
      ],
    );
  });
  it("groups short-text answers by their normalised form", () => {
    const q: QuestionBody = { type: "text", accepted: ["으로"] };
    const answers: Answer[] = [
      { type: "text", text: "으로" },
      { type: "text", text: " 으 로 " },
      { type: "text", text: "로" },
    ];
    const h = histogramOf(q, answers, [1, 1, 0]);
    assert.deepEqual(
      h.map((b) => [b.label.ko, b.count, b.correct]),
      [
        ["으로", 2, true],
        ["로", 1, false],
      ],
    );
  });
  it("the reveal lists the first accepted short-text answers", () => {
    const q: QuestionBody = { type: "text", accepted: ["셀 상태", "cell state", "메모리 셀", "memory cell", "C_t"] };
    assert.deepEqual(correctAnswerOf(q), [{ ko: "셀 상태 · cell state · 메모리 셀 · memory cell", en: "셀 상태 · cell state · 메모리 셀 · memory cell" }]);
  });
  it("Q15a the histogram of a shuffled question lists its options in the display order", () => {
    const q: QuestionBody = { type: "single", options: ["a", "b", "c"].map((s) => ({ ko: s, en: s })), correct: 2 };
    const h = histogramOf(
      q,
      [
        { type: "single", choice: 2 },
        { type: "single", choice: 2 },
        { type: "single", choice: 0 },
      ],
      [1, 1, 0],
      [2, 0, 1],
    );
    assert.deepEqual(
      h.map((b) => [b.label.en, b.count, b.correct]),
      [
        ["c", 2, true],
        ["a", 1, false],
        ["b", 0, false],
      ],
    );
  });
  it("ranks by points; ties share a rank; the listing breaks ties by correct answers then name", () => {
    const s = rankStandings([
      { participantId: "d", displayName: "Dana", points: 900, correct: 1 },
      { participantId: "a", displayName: "Ari", points: 1500, correct: 2 },
      { participantId: "c", displayName: "Cho", points: 1500, correct: 3 },
      { participantId: "b", displayName: "Bo", points: 0, correct: 0 },
    ]);
    assert.deepEqual(
      s.map((r) => [r.participantId, r.rank]),
      [
        ["c", 1],
        ["a", 1],
        ["d", 3],
        ["b", 4],
      ],
    );
  });
});
