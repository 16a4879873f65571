/** Table-driven tests of the live training rules (lib/training/SPEC.md). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_CONFIG } from "../engine/config";
import {
  MIN_PLAUSIBLE_LOSS,
  VERIFIED_LOSS_FRACTION,
  implausibleLoss,
  acceptTelemetry,
  applyRunAction,
  balanceGroups,
  effectiveConfig,
  elapsedOf,
  fastestConfig,
  keepHistoryPoint,
  minStepMs,
  msUntilBudgetSpent,
  plausibleBounds,
  progressFlags,
  type Run,
  type RunAction,
} from "./rules";

const ready: Run = { status: "ready", elapsedMs: 0, resumedAt: null, budgetMs: 60_000 };

describe("T1 run state machine", () => {
  const table: [Run["status"], RunAction, Run["status"] | "error"][] = [
    ["ready", "start", "running"],
    ["ready", "pause", "error"],
    ["ready", "resume", "error"],
    ["ready", "stop", "error"],
    ["running", "start", "error"],
    ["running", "pause", "paused"],
    ["running", "resume", "error"],
    ["running", "stop", "stopped"],
    ["paused", "start", "error"],
    ["paused", "pause", "error"],
    ["paused", "resume", "running"],
    ["paused", "stop", "stopped"],
    ["stopped", "start", "error"],
    ["stopped", "pause", "error"],
    ["stopped", "resume", "error"],
    ["stopped", "stop", "error"],
  ];
  for (const [from, action, to] of table) {
    it(`${from} --${action}--> ${to}`, () => {
      const result = applyRunAction({ ...ready, status: from, resumedAt: from === "running" ? 0 : null }, action, 1000);
      assert.equal("error" in result ? "error" : result.status, to);
    });
  }
});

describe("T2/T3 elapsed time and budget on the server's clock", () => {
  it("counts running time only, across pauses", () => {
    let run = applyRunAction(ready, "start", 1_000) as Run;
    run = applyRunAction(run, "pause", 11_000) as Run; // ran 10 s
    assert.equal(elapsedOf(run, 50_000), 10_000, "paused time does not count");
    assert.equal(msUntilBudgetSpent(run, 50_000), Infinity);
    run = applyRunAction(run, "resume", 60_000) as Run;
    assert.equal(elapsedOf(run, 65_000), 15_000);
    assert.equal(msUntilBudgetSpent(run, 65_000), 45_000);
    assert.equal(msUntilBudgetSpent(run, 200_000), 0);
    const stopped = applyRunAction(run, "stop", 500_000) as Run;
    assert.equal(stopped.elapsedMs, 60_000, "a stop never reports more than the budget");
  });
});

describe("T4 group balancing", () => {
  it("spreads students evenly and keeps existing assignments", () => {
    const result = balanceGroups(["A", "B", "C"], ["p1", "p2", "p3", "p4", "p5"]);
    const sizes = ["A", "B", "C"].map((g) => Object.values(result).filter((x) => x === g).length);
    assert.deepEqual(sizes, [2, 2, 1]);
    const later = balanceGroups(["A", "B", "C"], ["p1", "p2", "p3", "p4", "p5", "p6"], result);
    for (const p of ["p1", "p2", "p3", "p4", "p5"]) assert.equal(later[p], result[p]);
    assert.equal(later.p6, "C", "a late student joins the smallest group");
    assert.deepEqual(balanceGroups([], ["p1"]), {});
  });
});

describe("T5 a group's variant", () => {
  it("overrides the pushed configuration", () => {
    const overrides = { cell: "gru", hiddenSize: 32 } as const;
    const base = { cell: "lstm", hiddenSize: 128, layers: 1 } as unknown as Parameters<typeof effectiveConfig>[0];
    assert.deepEqual(effectiveConfig(base, overrides), { cell: "gru", hiddenSize: 32, layers: 1 });
  });
});

describe("T7 telemetry acceptance", () => {
  const report = { modelSessionId: "m1", step: 10, trainLoss: 2.5, charsPerSec: 1500 };
  const roomy = { maxStep: 1_000, maxCharsPerSec: 1e6 };
  const table: [string, Parameters<typeof acceptTelemetry>, string | null][] = [
    ["first report", [report, "m1", "running", undefined, 0, roomy], null],
    ["another model session", [report, "m2", "running", undefined, 0, roomy], "STALE_MODEL_SESSION"],
    ["before the run starts", [report, "m1", "ready", undefined, 0, roomy], "NOT_RUNNING"],
    ["NaN loss", [{ ...report, trainLoss: null }, "m1", "running", undefined, 0, roomy], "NON_FINITE_LOSS"],
    ["step backwards", [report, "m1", "running", { step: 11, receivedAt: 0 }, 5_000, roomy], "STEP_BACKWARDS"],
    ["too soon", [report, "m1", "running", { step: 9, receivedAt: 1_000 }, 1_500, roomy], "THROTTLED"],
    ["a second later", [report, "m1", "running", { step: 9, receivedAt: 1_000 }, 2_000, roomy], null],
    ["paused runs still report their last steps", [report, "m1", "paused", { step: 9, receivedAt: 0 }, 2_000, roomy], null],
    ["T12: more steps than the running time allows", [report, "m1", "running", undefined, 0, { maxStep: 9, maxCharsPerSec: 1e6 }], "IMPLAUSIBLE"],
    ["T12: a faster speed than any machine", [report, "m1", "running", undefined, 0, { maxStep: 1_000, maxCharsPerSec: 1_000 }], "IMPLAUSIBLE"],
  ];
  for (const [name, args, expected] of table) it(name, () => assert.equal(acceptTelemetry(...args), expected));
});

describe("T12 plausible progress", () => {
  const lecture = DEFAULT_CONFIG; // LSTM-128, seq 40, batch 128, 1 layer
  const table: [string, Parameters<typeof minStepMs>[0], number][] = [
    // 2·T·L launches of 5 µs: 2·40·1·0.005 = 0.4 ms (arithmetic 6·4·128²·128·40/1e11 = 0.02 ms is less)
    ["the lecture's LSTM-128 is bound by sequential launches", lecture, 0.4],
    ["three layers take three times as long", { ...lecture, layers: 3 }, 1.2],
    // 6·4·512²·256·200·3/1e11 = 9.66 ms > 2·200·3·0.005 = 6 ms
    ["the largest LSTM is bound by arithmetic", { ...lecture, hiddenSize: 512, batchSize: 256, seqLen: 200, layers: 3 }, 9.663676416],
  ];
  for (const [name, config, ms] of table) it(name, () => assert.ok(Math.abs(minStepMs(config) - ms) < 1e-9, `${minStepMs(config)} ms`));

  it("bounds the step by the running time, from the shared model's step", () => {
    assert.equal(plausibleBounds(lecture, 0, 0).maxStep, 2_500, "the slack: 1 s of running time");
    assert.equal(plausibleBounds(lecture, 9_000, 0).maxStep, 25_000);
    assert.equal(plausibleBounds(lecture, 9_000, 400).maxStep, 25_400);
    assert.equal(Math.round(plausibleBounds(lecture, 0, 0).maxCharsPerSec), 12_800_000);
    assert.ok(plausibleBounds(lecture, 1_000, 0).maxStep < 10_000_000, "10,000,000 steps in the first second is refused");
  });

  it("bounds a class by its fastest possible student: smallest sizes among config, groups and knobs", () => {
    const fastest = fastestConfig({
      config: lecture,
      groups: [{ overrides: { cell: "gru", hiddenSize: 32 } }, { overrides: { seqLen: 20 } }],
      studentKnobs: [{ field: "batchSize", min: 16, max: 128 }],
    });
    assert.deepEqual([fastest.cell, fastest.hiddenSize, fastest.seqLen, fastest.batchSize, fastest.layers], ["gru", 32, 20, 16, 1]);
  });
});

describe("T8 history downsampling", () => {
  it("keeps the first point, doubled steps, and one point per interval", () => {
    assert.equal(keepHistoryPoint(undefined, 1, 0), true);
    assert.equal(keepHistoryPoint({ step: 10, at: 0 }, 20, 1_000), true, "step doubled");
    assert.equal(keepHistoryPoint({ step: 10, at: 0 }, 15, 1_000), false);
    assert.equal(keepHistoryPoint({ step: 10, at: 0 }, 15, 5_000), true, "interval passed");
    assert.equal(keepHistoryPoint({ step: 10, at: 0 }, 10, 9_000), false, "no new step");
  });
});

describe("T9 class view flags", () => {
  it("flags stalled (only while running), NaN and the cpu backend", () => {
    assert.deepEqual(
      progressFlags({ backend: "wasm", lastStepChangeAt: 0, sawNaN: false, sawImplausible: false, sawImplausibleLoss: false }, "running", 31_000),
      ["stalled"],
    );
    assert.deepEqual(
      progressFlags({ backend: "wasm", lastStepChangeAt: 0, sawNaN: false, sawImplausible: false, sawImplausibleLoss: false }, "paused", 31_000),
      [],
    );
    assert.deepEqual(progressFlags({ backend: "cpu", lastStepChangeAt: 0, sawNaN: true, sawImplausible: false, sawImplausibleLoss: false }, "running", 1_000), [
      "nan",
      "cpu",
    ]);
    assert.deepEqual(
      progressFlags({ backend: "wasm", lastStepChangeAt: 0, sawNaN: false, sawImplausible: true, sawImplausibleLoss: false }, "running", 1_000),
      ["implausible"],
      "T12",
    );
    assert.deepEqual(
      progressFlags({ backend: "wasm", lastStepChangeAt: 0, sawNaN: false, sawImplausible: false, sawImplausibleLoss: true }, "running", 1_000),
      ["implausibleLoss"],
      "T13",
    );
  });
});

describe("T13 reported losses", () => {
  const table: [label: string, loss: number, verifiedNats: number | null, implausible: boolean][] = [
    ["zero", 0, null, true],
    ["below the floor", MIN_PLAUSIBLE_LOSS / 2, null, true],
    ["an ordinary loss, nothing verified yet", 1.2, null, false],
    ["far below the verified held-out loss", 0.9, 3, true],
    ["just above a third of the verified loss", 3 * VERIFIED_LOSS_FRACTION + 0.01, 3, false],
    ["below the verified loss by honest overfitting", 2.6, 3, false],
    ["above the verified loss (an older submission)", 3.4, 3, false],
  ];
  for (const [label, loss, verified, expected] of table) it(label, () => assert.equal(implausibleLoss(loss, verified), expected));
});
