/** Table-driven tests of the round state machine (lib/quiz/SPEC.md Q1–Q8). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { answerWindow, applyRoundAction, elapsedOf, OUTAGE_MIN_MS, RECONNECT_GRACE_MS, windowAfterOutage, type RoundAction, type RoundPhase } from "./round";

describe("Q1–Q3 round state machine (3 questions)", () => {
  const table: [phase: RoundPhase, index: number, action: RoundAction, to: string][] = [
    ["lobby", -1, "next", "question 0"],
    ["lobby", -1, "close", "error"],
    ["lobby", -1, "end", "ended -1"],
    ["question", 0, "next", "error"],
    ["question", 0, "close", "reveal 0"],
    ["question", 1, "end", "ended 1"],
    ["reveal", 0, "next", "question 1"],
    ["reveal", 2, "next", "ended 2"],
    ["reveal", 1, "close", "error"],
    ["reveal", 1, "end", "ended 1"],
    ["ended", 2, "next", "error"],
    ["ended", 2, "close", "error"],
    ["ended", 2, "end", "error"],
  ];
  for (const [phase, questionIndex, action, to] of table) {
    it(`${phase}(${questionIndex}) --${action}--> ${to}`, () => {
      const r = applyRoundAction({ phase, questionIndex, questionCount: 3 }, action);
      assert.equal("error" in r ? "error" : `${r.phase} ${r.questionIndex}`, to);
    });
  }
  it("a quiz without questions ends at the first next", () => {
    const r = applyRoundAction({ phase: "lobby", questionIndex: -1, questionCount: 0 }, "next");
    assert.ok(!("error" in r) && r.phase === "ended");
  });
});

describe("Q7 answers count only inside the server's window", () => {
  const open = { phase: "question" as const, questionIndex: 1, closesAt: 10_000 };
  const table: [label: string, round: Parameters<typeof answerWindow>[0], index: number, at: number, result: string][] = [
    ["before close", open, 1, 9_999, "open"],
    ["exactly at close", open, 1, 10_000, "open"],
    ["1 ms late", open, 1, 10_001, "closed"],
    ["for another question", open, 0, 5_000, "wrong-question"],
    ["during reveal", { ...open, phase: "reveal" }, 1, 5_000, "closed"],
    ["in the lobby", { phase: "lobby", questionIndex: -1, closesAt: null }, 0, 5_000, "closed"],
  ];
  for (const [label, round, index, at, result] of table) it(label, () => assert.equal(answerWindow(round, index, at), result));
});

describe("Q4 elapsed time", () => {
  it("is clamped to [0, limit]", () => {
    assert.equal(elapsedOf(1000, 500, 20_000), 0);
    assert.equal(elapsedOf(1000, 6000, 20_000), 5000);
    assert.equal(elapsedOf(1000, 60_000, 20_000), 20_000);
  });
});

describe("Q5b the question's clock pauses while no server keeps it", () => {
  // A 30 s question opened at 0; the last heartbeat at 10 s (20 s left).
  const round = { startedAt: 0, closesAt: 30_000, aliveAt: 10_000 };
  it("after a 25 s outage the question has its 20 s back, plus the reconnect grace; elapsed time leaves the outage out", () => {
    assert.deepEqual(windowAfterOutage(round, 35_000), { startedAt: 25_000, closesAt: 55_000 + RECONNECT_GRACE_MS });
  });
  it("a gap no longer than a few heartbeats is not an outage", () => {
    assert.equal(windowAfterOutage(round, 10_000 + OUTAGE_MIN_MS), null);
    assert.notEqual(windowAfterOutage(round, 10_001 + OUTAGE_MIN_MS), null);
  });
  it("a question whose time was up before the outage gets nothing back (Q5 closes it)", () => {
    assert.equal(windowAfterOutage({ ...round, aliveAt: 30_000 }, 90_000), null);
  });
  it("a round without a heartbeat (written before Q5b) is left as it is", () => {
    assert.equal(windowAfterOutage({ ...round, aliveAt: null }, 90_000), null);
  });
});
