/** Quiz answers on the dashboard as the student saw them, not raw JSON (issue 13). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { displayOrder, orderSeed } from "../quiz/order";
import { answerShown } from "./answerView";

const prompt = { ko: "질문", en: "Question" };
const options = [
  { ko: "하나", en: "one" },
  { ko: "둘", en: "two" },
  { ko: "셋", en: "three" },
];

describe("quiz answers as the student saw them", () => {
  it("single and multiple choice show the picked options' texts", () => {
    assert.deepEqual(answerShown({ type: "single", prompt, options, correct: 0 }, { type: "single", choice: 1 }, "r", 0), {
      kind: "options",
      texts: [options[1]],
    });
    assert.deepEqual(answerShown({ type: "multiple", prompt, options, correct: [0] }, { type: "multiple", choices: [2, 0] }, "r", 0), {
      kind: "options",
      texts: [options[0], options[2]],
    });
  });
  it("true/false, numbers with their unit, and text", () => {
    assert.deepEqual(answerShown({ type: "truefalse", prompt, correct: true }, { type: "truefalse", value: false }, "r", 0), {
      kind: "truefalse",
      value: false,
    });
    assert.deepEqual(answerShown({ type: "numeric", prompt, answer: 3, tolerance: 0, unit: "개" }, { type: "numeric", text: "4" }, "r", 0), {
      kind: "number",
      text: "4",
      unit: "개",
    });
    assert.deepEqual(answerShown({ type: "text", prompt, accepted: ["gate"] }, { type: "text", text: "게이트" }, "r", 0), { kind: "text", text: "게이트" });
  });
  it("an ordering answer maps display positions back to the items, in the student's order", () => {
    const shown = displayOrder(3, orderSeed("round-1", 2)); // shown[p] = item at display position p
    const answer = { type: "ordering", order: [2, 0, 1] };
    assert.deepEqual(answerShown({ type: "ordering", prompt, items: options }, answer, "round-1", 2), {
      kind: "order",
      texts: [options[shown[2]], options[shown[0]], options[shown[1]]],
    });
  });
  it("data that no longer fits the question stays visible as text", () => {
    assert.deepEqual(answerShown({ type: "single", prompt, options, correct: 0 }, { type: "single", choice: 5 }, "r", 0), {
      kind: "raw",
      text: '{"type":"single","choice":5}',
    });
  });
});
