import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compareGroups } from "./ablation";
import { classAverages, conceptTable, tagsOf } from "./concepts";
import type { QuestionInfo } from "./quizQuestions";

const groups = [{ id: "g1", label: "vanilla RNN", position: 1 }, { id: "g0", label: "LSTM", position: 0 }];

describe("ablation groups compared", () => {
  it("verified scores: group means, spread, best first", () => {
    const summary = compareGroups({
      groups,
      assignments: new Map([["a", "g0"], ["b", "g0"], ["c", "g1"], ["d", "g1"]]),
      bestBpc: new Map([["a", 1.8], ["b", 2.0], ["c", 2.6]]),
      trainLoss: new Map(),
    });
    assert.equal(summary?.measure, "verifiedBpc");
    assert.deepEqual(summary?.groups.map((g) => [g.label, g.members, g.measured, g.mean?.toFixed(2), g.sd?.toFixed(3)]), [["LSTM", 2, 2, "1.90", "0.141"], ["vanilla RNN", 2, 1, "2.60", "0.000"]]);
    assert.deepEqual(summary?.ranking, [{ label: "LSTM", value: 1.9 }, { label: "vanilla RNN", value: 2.6 }]);
  });
  it("no submissions: falls back to the training loss in bits/char", () => {
    const summary = compareGroups({ groups, assignments: new Map([["a", "g0"], ["c", "g1"]]), bestBpc: new Map(), trainLoss: new Map([["a", Math.LN2 * 2], ["c", Math.LN2 * 1.5]]) });
    assert.equal(summary?.measure, "trainBpc");
    assert.deepEqual(summary?.ranking.map((r) => [r.label, r.value.toFixed(2)]), [["vanilla RNN", "1.50"], ["LSTM", "2.00"]]);
  });
  it("a model session without groups has no comparison", () => assert.equal(compareGroups({ groups: [], assignments: new Map(), bestBpc: new Map(), trainLoss: new Map() }), null));
});

describe("concept accuracy", () => {
  const q = (tags: string[], index: number): QuestionInfo => ({ index, type: "single", prompt: { ko: "", en: "" }, tags });
  const questions = new Map([["r1", [q(["rnn"], 0), q(["rnn", "bptt"], 1)]], ["r2", [q([], 0), q(["lstm"], 1)]]]);
  const a = (participantId: string, roundId: string, questionIndex: number, correctness: number) => ({ participantId, roundId, questionIndex, correctness, points: 0, elapsedMs: 0 });
  const table = conceptTable(
    [a("p1", "r1", 0, 1), a("p1", "r1", 1, 0), a("p1", "r2", 0, 1), a("p2", "r1", 1, 1), a("p2", "r2", 1, 0.5), a("guest", "r1", 0, 0)],
    questions,
    new Map([["p1", "A"], ["p2", "B"]]),
  );
  const cases: [string, string, string, number | undefined, number | undefined][] = [
    ["a two-tag question counts for each", "A", "rnn", 2, 0.5],
    ["", "A", "bptt", 1, 0],
    ["untagged questions are ignored", "A", "lstm", undefined, undefined],
    ["partial credit", "B", "lstm", 1, 0.5],
  ];
  for (const [name, student, tag, answered, accuracy] of cases) {
    it(`${student}/${tag} ${name}`, () => {
      const cell = table.get(student)?.get(tag);
      assert.deepEqual([cell?.answered, cell?.accuracy], [answered, accuracy]);
    });
  }
  it("tags in first-seen order; class average weighs students equally; guests are not students", () => {
    assert.deepEqual(tagsOf(questions.values()), ["rnn", "bptt", "lstm"]);
    assert.deepEqual(classAverages(table, ["rnn", "bptt", "lstm", "gru"], ["A", "B"]), { rnn: 0.75, bptt: 0.5, lstm: 0.5, gru: null });
  });
});
