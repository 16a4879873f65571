/** F15: the class model against the best single student, at equal wall-clock time. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classVsBest, type TimedPoint, type TimedVersion } from "./compare";

const T0 = 1_000_000;
const versions = (...pairs: [number, number][]): TimedVersion[] => pairs.map(([seconds, valLoss], version) => ({ version, valLoss, at: T0 + seconds * 1000 }));
const curve = (participantId: string, start: number, ...pairs: [number, number | null][]): TimedPoint[] =>
  pairs.map(([seconds, valLoss]) => ({ participantId, valLoss, at: T0 + (start + seconds) * 1000 }));

describe("F15 class model vs best single student", () => {
  it("F15 compares at the class model's time when the solo curves are longer; the best is the lowest loss reached by then", () => {
    const v = versions([0, 4.0], [30, 3.0], [60, 2.5]);
    const history = [...curve("a", -200, [0, null], [30, 3.5], [60, 3.2], [90, 2.0]), ...curve("b", -300, [0, null], [30, 3.3], [60, 3.1], [120, 2.9])];
    const c = classVsBest(v, history, new Set(["x"]));
    assert.deepEqual(c, { atMs: 60_000, classLoss: 2.5, classVersion: 2, best: { participantId: "b", valLoss: 3.1 }, students: 2 });
  });

  it("F15 caps the time at the longest solo curve, and leaves out students whose curve is shorter", () => {
    const v = versions([0, 4.0], [30, 3.0], [60, 2.5], [90, 2.2]);
    const history = [...curve("a", -100, [0, null], [20, 3.6], [40, 3.4], [45, 3.3]), ...curve("b", -100, [0, null], [20, 3.0])];
    const c = classVsBest(v, history, new Set());
    assert.deepEqual(c, { atMs: 45_000, classLoss: 3.0, classVersion: 1, best: { participantId: "a", valLoss: 3.3 }, students: 1 });
  });

  it("F15 a member's points after the class model started are not solo training; their points before are", () => {
    const v = versions([0, 4.0], [20, 3.0]);
    // "m" trained alone for 40 s before the class model, then idled in it (flat, not solo).
    const history = [...curve("m", -40, [0, null], [20, 3.5], [40, 3.2]), ...curve("m", 0, [10, 3.2], [60, 3.2])];
    const c = classVsBest(v, history, new Set(["m"]));
    assert.deepEqual(c, { atMs: 20_000, classLoss: 3.0, classVersion: 1, best: { participantId: "m", valLoss: 3.5 }, students: 1 });
  });

  it("F15 nothing to compare: no versions, or nobody trained alone", () => {
    assert.equal(classVsBest([], curve("a", 0, [0, 3]), new Set()), null);
    const v = versions([0, 4.0], [20, 3.0]);
    assert.equal(classVsBest(v, curve("m", 1, [0, 3.5], [30, 3.0]), new Set(["m"])), null);
    assert.equal(classVsBest(v, curve("a", 1, [0, null], [30, null]), new Set()), null);
  });
});
