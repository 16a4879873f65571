/** F3–F6, F10: round rules, table-tested. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_CONFIG } from "../engine/config";
import { countedChars, roundDecision, roundSeed, sameModelConfig, stalenessOf } from "./rounds";

describe("F3/F10 round decision", () => {
  const table: { title: string; expected: string[]; reported: string[]; now: number; want: ReturnType<typeof roundDecision> }[] = [
    { title: "waits before the deadline while someone is missing", expected: ["a", "b", "c"], reported: ["a", "b"], now: 50, want: "WAIT" },
    { title: "closes early when every connected student reported", expected: ["a", "b", "c"], reported: ["a", "b", "c"], now: 50, want: "CLOSE" },
    { title: "closes at the deadline with whoever reported (straggler)", expected: ["a", "b", "c"], reported: ["a"], now: 100, want: "CLOSE" },
    { title: "reopens at the deadline when nobody reported", expected: ["a"], reported: [], now: 100, want: "REOPEN" },
    { title: "waits with nobody connected before the deadline", expected: [], reported: [], now: 10, want: "WAIT" },
    { title: "a report from someone who left still closes at the deadline", expected: [], reported: ["a"], now: 100, want: "CLOSE" },
  ];
  for (const row of table) {
    it(`F3 ${row.title}`, () => {
      assert.equal(roundDecision({ openedAt: 0, deadlineAt: 100, expected: new Set(row.expected), reported: new Set(row.reported) }, row.now), row.want);
    });
  }
});

describe("F5 staleness", () => {
  const table: [number, number, ReturnType<typeof stalenessOf>][] = [
    [3, 3, "CURRENT"],
    [2, 3, "STALE"],
    [0, 3, "STALE"],
    [4, 3, "AHEAD"],
  ];
  for (const [base, current, want] of table) it(`F5 base ${base} in round ${current} is ${want}`, () => assert.equal(stalenessOf(base, current), want));
});

describe("F6 counted characters", () => {
  const config = { ...DEFAULT_CONFIG, batchSize: 8, seqLen: 16 };
  const table: [number, number, number][] = [
    [20, 20, 20 * 128],
    [5, 20, 5 * 128],
    [1_000_000, 20, 20 * 128],
    [-3, 20, 0],
    [7.9, 20, 7 * 128],
  ];
  for (const [claimed, k, want] of table)
    it(`F6 ${claimed} claimed steps with K=${k} count ${want} characters`, () => assert.equal(countedChars(claimed, k, config), want));
});

describe("F4 configuration", () => {
  it("F4 the seed may differ, nothing else", () => {
    assert.equal(sameModelConfig({ ...DEFAULT_CONFIG, seed: 7 }, DEFAULT_CONFIG), true);
    assert.equal(sameModelConfig({ ...DEFAULT_CONFIG, hiddenSize: 64 }, DEFAULT_CONFIG), false);
    assert.equal(sameModelConfig({ ...DEFAULT_CONFIG, cell: "gru" }, DEFAULT_CONFIG), false);
    assert.equal(sameModelConfig({ ...DEFAULT_CONFIG, learningRate: 0.02 }, DEFAULT_CONFIG), false);
  });
});

describe("F3 round seeds", () => {
  it("F3 differ between rounds and between shards, and repeat for the same pair", () => {
    const seeds = new Set<number>();
    for (let r = 0; r < 20; r++) for (const start of [0, 250_000, 500_000]) seeds.add(roundSeed(42, r, start));
    assert.equal(seeds.size, 60);
    assert.equal(roundSeed(42, 3, 500_000), roundSeed(42, 3, 500_000));
    for (const s of seeds) assert.ok(Number.isInteger(s) && s >= 0 && s <= 0xffffffff);
  });
});
