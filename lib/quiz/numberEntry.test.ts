/** Q13a: numbers as students write them (lib/quiz/numberEntry.ts), table-tested. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readNumber } from "./numberEntry";

describe("Q13a numeric entries are read the way they are written", () => {
  const table: [raw: string, unit: string | undefined, expected: number | "empty" | "unreadable"][] = [
    ["99328", undefined, 99328],
    ["99,328", undefined, 99328], // the lectures' own way of writing it (was read as 99.328)
    ["1,234,567", undefined, 1234567],
    ["99 328", undefined, 99328],
    ["1,234.5", undefined, 1234.5],
    ["0.5", undefined, 0.5],
    [".5", undefined, 0.5],
    ["0,5", undefined, 0.5], // decimal comma: a thousands group never starts with 0
    ["3,14", undefined, 3.14], // decimal comma: two digits cannot be a thousands group
    ["0,125", undefined, 0.125],
    ["1.234,5", undefined, 1234.5],
    ["2/3", undefined, 2 / 3],
    [" 2 / 3 ", undefined, 2 / 3],
    ["-1/2", undefined, -0.5],
    ["1/0", undefined, "unreadable"],
    ["25%", undefined, 0.25],
    ["25 %", undefined, 0.25],
    ["25%", "%", 25], // the question asks in %: the sign is its unit
    ["2 bits", undefined, 2],
    ["2bits", undefined, 2],
    ["128개", undefined, 128],
    ["4.7 bits/char", undefined, 4.7],
    ["２５", undefined, 25], // full-width digits (Korean IME)
    ["９９，３２８", undefined, 99328],
    ["－３", undefined, -3],
    ["\u22123", undefined, -3], // the minus sign
    ["+7", undefined, 7],
    ["1e-3", undefined, 0.001],
    ["2.5E2", undefined, 250],
    ["", undefined, "empty"],
    ["   ", undefined, "empty"],
    ["abc", undefined, "unreadable"],
    ["5,", undefined, "unreadable"],
    ["1,23,4", undefined, "unreadable"],
    ["1,2,3", undefined, "unreadable"],
    ["12!", undefined, "unreadable"],
    ["3 4", undefined, "unreadable"],
    [".", undefined, "unreadable"],
    ["-", undefined, "unreadable"],
  ];
  for (const [raw, unit, expected] of table) {
    it(`${JSON.stringify(raw)}${unit ? ` (unit ${unit})` : ""} → ${typeof expected === "number" ? expected : expected}`, () => {
      const read = readNumber(raw, unit);
      if (typeof expected === "number") {
        assert.ok(read.ok, JSON.stringify(read));
        assert.ok(Math.abs(read.value - expected) < 1e-12, `${read.value} ≠ ${expected}`);
      } else assert.deepEqual(read, { ok: false, problem: expected });
    });
  }
});
