/** F7–F9: screening and combiners, table-tested on small vectors. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { combine, deltaNorm, screenUpdates, trimCount, type Update } from "./combine";

const base = new Float32Array([0, 0, 0]);
const u = (id: string, values: number[], chars = 100): Update => ({ id, values: new Float32Array(values), chars });
const close = (actual: Float32Array, expected: number[]) =>
  expected.forEach((e, i) => assert.ok(Math.abs(actual[i] - e) < 1e-6, `value ${i}: ${actual[i]} ≠ ${e}`));

describe("F7 screening", () => {
  const table: { title: string; updates: Update[]; refused: [string, string][] }[] = [
    { title: "similar updates all pass", updates: [u("a", [1, 0, 0]), u("b", [0, 1, 0]), u("c", [0, 0, 1.5])], refused: [] },
    {
      title: "a norm far above the median is refused",
      updates: [u("a", [1, 0, 0]), u("b", [0, 1, 0]), u("c", [0, 1, 1]), u("x", [0, 0, 50])],
      refused: [["x", "NORM_OUTLIER"]],
    },
    { title: "just under 4× the median passes", updates: [u("a", [1, 0, 0]), u("b", [0, 1, 0]), u("c", [0, 0, 1]), u("x", [3.9, 0, 0])], refused: [] },
    { title: "two updates: no median to compare with", updates: [u("a", [1, 0, 0]), u("x", [0, 0, 50])], refused: [] },
    { title: "an update that did not train is refused", updates: [u("a", [1, 0, 0]), u("z", [0, 0, 0])], refused: [["z", "EMPTY"]] },
  ];
  for (const row of table) {
    it(`F7 ${row.title}`, () => {
      const { accepted, refused } = screenUpdates(base, row.updates);
      assert.deepEqual(
        refused.map((r) => [r.id, r.reason]),
        row.refused,
      );
      assert.equal(accepted.length + refused.length, row.updates.length);
    });
  }
  it("F7 norms are of the delta from the round's base", () => {
    assert.equal(deltaNorm(new Float32Array([4, 6]), new Float32Array([1, 2])), 5);
  });
});

describe("F8 combiners", () => {
  it("F8 fedavg weights by characters", () => {
    const { values, shares } = combine("fedavg", base, [u("a", [1, 0, 0], 300), u("b", [0, 1, 0], 100)]);
    close(values, [0.75, 0.25, 0]);
    assert.deepEqual([...shares.values()], [0.75, 0.25]);
  });
  it("F8 fedavg with no characters counted falls back to equal weights", () => {
    close(combine("fedavg", base, [u("a", [1, 0, 0], 0), u("b", [0, 1, 0], 0)]).values, [0.5, 0.5, 0]);
  });
  it("F8 trimmed mean drops the extremes of each coordinate", () => {
    const updates = [u("a", [1, 10, 0]), u("b", [2, 20, 0]), u("c", [3, 30, 0]), u("x", [1000, -1000, 0])];
    close(combine("trimmedMean", base, updates).values, [2.5, 15, 0]);
  });
  it("F8 median takes the middle value (mean of the two middles for even n)", () => {
    close(combine("median", base, [u("a", [1, 5, 0]), u("b", [2, 6, 0]), u("x", [99, -99, 0])]).values, [2, 5, 0]);
    close(combine("median", base, [u("a", [1, 5, 0]), u("b", [3, 7, 0])]).values, [2, 6, 0]);
  });
  it("F8 trim count: ⌊0.1·n⌋, at least 1 from n = 3", () => {
    assert.deepEqual([1, 2, 3, 9, 10, 20, 35, 300].map(trimCount), [0, 0, 1, 1, 1, 2, 3, 30]);
  });
  it("F8 refuses updates of the wrong length and empty rounds", () => {
    assert.throws(() => combine("fedavg", base, [u("a", [1, 2])]), RangeError);
    assert.throws(() => combine("median", base, []), RangeError);
  });
});

describe("F9 influence", () => {
  for (const combiner of ["fedavg", "trimmedMean", "median"] as const) {
    it(`F9 ${combiner} shares sum to 1`, () => {
      const { shares } = combine(combiner, base, [u("a", [1, 2, 3], 50), u("b", [2, 2, 1], 100), u("c", [5, 0, 2], 150), u("d", [0, 9, 9], 100)]);
      const total = [...shares.values()].reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(total - 1) < 1e-9, `shares sum to ${total}`);
    });
  }
  it("F9 an outlier trimmed on every coordinate gets no share", () => {
    const { shares } = combine("trimmedMean", base, [u("a", [1, 1, 1]), u("b", [2, 2, 2]), u("c", [3, 3, 3]), u("x", [99, 99, 99])]);
    assert.equal(shares.get("x"), 0);
  });
});
