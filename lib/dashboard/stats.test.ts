import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mean, quantile, spreadOf, stdev } from "./stats";
import { downsample } from "./curves";

describe("stats", () => {
  const quantiles: [number[], number, number | null][] = [
    [[], 0.5, null],
    [[3], 0.5, 3],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[4, 1, 3, 2], 0.25, 1.75],
    [[1, 2, 3, 4, 5], 0.75, 4],
    [[1, NaN, 3], 0.5, 2],
  ];
  for (const [values, q, expected] of quantiles) {
    it(`quantile(${JSON.stringify(values)}, ${q}) = ${expected}`, () => assert.equal(quantile(values, q), expected));
  }
  it("spreadOf counts finite values", () => assert.deepEqual(spreadOf([2, 4, Infinity]), { n: 2, median: 3, p25: 2.5, p75: 3.5 }));
  const sds: [number[], number | null][] = [
    [[], null],
    [[5], 0],
    [[2, 4, 4, 4, 5, 5, 7, 9], 2.138],
  ];
  for (const [values, expected] of sds) {
    it(`stdev(${JSON.stringify(values)}) ≈ ${expected}`, () => {
      const got = stdev(values);
      assert.equal(got === null ? null : Math.round(got * 1000) / 1000, expected);
    });
  }
  it("mean of nothing is null", () => assert.equal(mean([]), null));
});

describe("downsample", () => {
  const cases: [number, number, number[]][] = [
    [3, 5, [0, 1, 2]],
    [10, 4, [0, 3, 6, 9]],
    [11, 3, [0, 5, 10]],
  ];
  for (const [length, max, expected] of cases) {
    it(`${length} points to at most ${max}`, () =>
      assert.deepEqual(
        downsample(
          Array.from({ length }, (_, i) => i),
          max,
        ),
        expected,
      ));
  }
  it("keeps 500 of 2000 points with first and last", () => {
    const out = downsample(
      Array.from({ length: 2000 }, (_, i) => i),
      500,
    );
    assert.equal(out.length, 500);
    assert.equal(out[0], 0);
    assert.equal(out.at(-1), 1999);
  });
});
