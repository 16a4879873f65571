/** The class curves' resampling (app/live/curves.ts): interpolation between measurements, group statistics. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { groupCurve, resample } from "../../app/live/curves";
import type { HistoryPoint } from "../../lib/protocol/training";

/** Arrays equal to within rounding (nulls exactly). */
function assertClose(actual: (number | null)[], expected: (number | null)[]) {
  assert.equal(actual.length, expected.length);
  actual.forEach((v, i) =>
    v === null || expected[i] === null
      ? assert.equal(v, expected[i])
      : assert.ok(Math.abs(v - (expected[i] as number)) < 1e-12, `${i}: ${v} vs ${expected[i]}`),
  );
}

const point = (participantId: string, step: number, trainLoss: number): HistoryPoint => ({ participantId, step, trainLoss, valLoss: null, at: step });

it("interpolates between a student's measurements; repeated reports of one loss do not make a staircase", () => {
  // Reported every second, measured at steps 0, 100 and 200.
  const history = { a: [point("a", 0, 4), point("a", 40, 4), point("a", 80, 4), point("a", 100, 3), point("a", 150, 3), point("a", 200, 2)] };
  const { steps, students } = resample(history, 4); // buckets at steps 50, 100, 150, 200
  assert.deepEqual(steps, [50, 100, 150, 200]);
  assertClose(students.a, [3.5, 3, 2.5, 2]);
});

it("a student's curve is empty before their first point and after their last; groups average who is there", () => {
  const history = { a: [point("a", 0, 4), point("a", 100, 2)], b: [point("b", 50, 3), point("b", 200, 1)] };
  const curves = resample(history, 4);
  assert.deepEqual(curves.students.a, [3, 2, null, null]);
  assertClose(curves.students.b, [3, 2 + 1 / 3, 1 + 2 / 3, 1]);
  const group = groupCurve(curves, ["a", "b"]);
  assertClose(group.mean, [3, (2 + 2 + 1 / 3) / 2, 1 + 2 / 3, 1]);
  assert.equal(group.p25[0], 3);
});
