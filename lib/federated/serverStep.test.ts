/** F16: the server's step, table-tested on small vectors. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_SERVER_STEP, FEDAVG_STEP, serverStep, type ServerStep } from "./serverStep";

const v = (...values: number[]) => new Float32Array(values);
const close = (actual: Float32Array, expected: number[]) =>
  expected.forEach((e, i) => assert.ok(Math.abs(actual[i] - e) < 1e-6, `value ${i}: ${actual[i]} ≠ ${e}`));

describe("F16 server step", () => {
  const table: { title: string; step: ServerStep; base: number[]; previous: number[] | null; combined: number[]; next: number[] }[] = [
    { title: "FedAvg takes the combination as it is", step: FEDAVG_STEP, base: [1, 2], previous: [0, 0], combined: [3, 1], next: [3, 1] },
    { title: "η scales the round's move", step: { learningRate: 1.5, momentum: 0 }, base: [1, 2], previous: null, combined: [3, 1], next: [4, 0.5] },
    { title: "round 0 has no momentum yet", step: { learningRate: 1, momentum: 0.5 }, base: [1, 2], previous: null, combined: [3, 1], next: [3, 1] },
    {
      title: "β carries the last version-to-version move",
      step: { learningRate: 1, momentum: 0.5 },
      base: [1, 2],
      previous: [0, 4],
      combined: [1, 2],
      next: [1.5, 1],
    },
    {
      title: "both: x + β·(x − x_prev) + η·(combined − x)",
      step: { learningRate: 1.5, momentum: 0.5 },
      base: [1, 2],
      previous: [0, 4],
      combined: [3, 1],
      next: [1 + 0.5 + 3, 2 - 1 - 1.5],
    },
  ];
  for (const row of table) {
    it(`F16 ${row.title}`, () => {
      close(serverStep(row.step, v(...row.base), row.previous && v(...row.previous), v(...row.combined)), row.next);
    });
  }

  it("F16 momentum from the last two versions is FedAvgM's momentum buffer (Hsu et al. 2019)", () => {
    // The same rounds' combinations, once with an explicit buffer m = β·m + Δ, x += η·m, once from versions.
    const rounds = [v(0.3, -0.2), v(0.1, 0.4), v(-0.5, 0.2), v(0.2, 0.2)];
    const { learningRate: eta, momentum: beta } = DEFAULT_SERVER_STEP;
    let buffered = v(1, 1);
    let m = v(0, 0);
    let x: Float32Array = v(1, 1);
    let previous: Float32Array | null = null;
    for (const delta of rounds) {
      m = m.map((mi, i) => beta * mi + delta[i]);
      buffered = buffered.map((b, i) => b + eta * m[i]);
      const next = serverStep(
        DEFAULT_SERVER_STEP,
        x,
        previous,
        x.map((xi, i) => xi + delta[i]),
      );
      previous = x;
      x = next;
      close(x, [...buffered]);
    }
  });

  it("F16 vectors of different lengths are refused", () => {
    assert.throws(() => serverStep(FEDAVG_STEP, v(1, 2), null, v(1)), RangeError);
    assert.throws(() => serverStep(FEDAVG_STEP, v(1, 2), v(1), v(1, 2)), RangeError);
  });
});
