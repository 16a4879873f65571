import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { attendanceIndex, headcounts, trailingAbsences } from "./attendance";
import { needsAttention, type AttentionReason } from "./attention";
import { conceptTable } from "./concepts";
import { participantFacts } from "./facts";
import type { AnswerRow, BestScoreRow, ParticipantRow, ProgressRow, SessionRow } from "./rows";
import { DEFAULT_ATTENTION_SETTINGS, type AttentionSettings } from "./settings";
import { sessionTrends } from "./trends";

const session = (id: string, day: number): SessionRow => ({ id, code: id, status: "ended", createdAt: day * 86_400_000, endedAt: null });
const S = [session("s1", 1), session("s2", 2), session("s3", 3)];
const seat = (id: string, sessionId: string, rosterStudentId: string | null): ParticipantRow => ({
  id,
  sessionId,
  rosterStudentId,
  displayName: id,
  joinedAt: 0,
});
const progress = (participantId: string, step: number, trainingMs = 60_000, modelSessionId = "m"): ProgressRow => ({
  participantId,
  modelSessionId,
  step,
  trainingMs,
  backend: "wasm",
  charsPerSec: 1000,
  trainLoss: 2,
});
const score = (participantId: string, publicBpc: number): BestScoreRow => ({ participantId, modelSessionId: "m", publicBpc });
const answer = (participantId: string, questionIndex: number, correctness: number): AnswerRow => ({
  participantId,
  roundId: "r",
  questionIndex,
  correctness,
  points: Math.round(correctness * 1000),
  elapsedMs: 3000,
});

describe("attendance", () => {
  const index = attendanceIndex([seat("p1", "s1", "A"), seat("p2", "s3", "A"), seat("g", "s3", null), seat("p3", "s1", "B")]);
  const cases: [string, string, number][] = [
    ["present at the last session", "A", 0],
    ["missed the last two", "B", 2],
    ["never came", "C", 3],
  ];
  for (const [name, student, expected] of cases)
    it(`${name}: ${expected} trailing absences`, () => assert.equal(trailingAbsences(S, index.get(student)), expected));
  it("headcounts split roster students and guests", () => {
    assert.deepEqual(Object.fromEntries(headcounts([seat("p1", "s1", "A"), seat("g", "s1", null), seat("g2", "s1", null)])), { s1: { roster: 1, guests: 2 } });
  });
});

describe("facts and trends", () => {
  const seats = [seat("a1", "s1", "A"), seat("b1", "s1", "B"), seat("c1", "s1", "C"), seat("g1", "s1", null)];
  const facts = participantFacts(
    seats,
    [progress("a1", 100, 120_000, "m1"), progress("a1", 50, 60_000, "m2"), progress("b1", 10, 30_000), progress("g1", 5)],
    [score("a1", 2.5), { participantId: "a1", modelSessionId: "m2", publicBpc: 2.1 }, score("b1", 3.0)],
    [answer("a1", 0, 1), answer("a1", 1, 0.5), answer("b1", 0, 0)],
  );
  it("sums training over model sessions, keeps the best score and the highest step", () => {
    const a = facts.get("a1");
    assert.deepEqual([a?.trainingMs, a?.maxStep, a?.bestBpc, a?.quizAnswered, a?.quizCorrect, a?.quizPoints], [180_000, 100, 2.1, 2, 1.5, 1500]);
    assert.deepEqual([facts.get("c1")?.trained, facts.get("c1")?.bestBpc], [false, null]);
  });
  it("trends count roster students only; missing scores and answers are left out", () => {
    const [t] = sessionTrends(["s1"], facts.values());
    assert.deepEqual(t.trainingMinutes, { n: 3, median: 0.5, p25: 0.25, p75: 1.75 });
    assert.deepEqual(t.bestBpc, { n: 2, median: 2.55, p25: 2.325, p75: 2.775 });
    assert.deepEqual(t.quizAccuracy, { n: 2, median: 0.375, p25: 0.1875, p75: 0.5625 });
  });
  it("a session nobody attended has empty spreads", () => {
    const [t] = sessionTrends(["s9"], facts.values());
    assert.deepEqual(t.bestBpc, { n: 0, median: null, p25: null, p75: null });
  });
});

describe("needs attention", () => {
  const settings: AttentionSettings = {
    ...DEFAULT_ATTENTION_SETTINGS,
    absentSessions: 2,
    minSteps: 50,
    scoreGapBpc: 0.5,
    conceptAccuracy: 0.5,
    conceptMinAnswers: 2,
  };
  const seats = [
    seat("a1", "s1", "A"),
    seat("a2", "s2", "A"),
    seat("a3", "s3", "A"), // trains well
    seat("b1", "s1", "B"), // absent from s2 and s3
    seat("c3", "s3", "C"), // joined, never trained
    seat("d3", "s3", "D"), // stuck
    seat("e3", "s3", "E"), // far behind
    seat("f3", "s3", "F"), // weak on a concept
    // Guests with poor scores: counted in the class median they would lift it to 3.2 and hide E.
    seat("g3a", "s3", null),
    seat("g3b", "s3", null),
    seat("g3c", "s3", null),
  ];
  const facts = participantFacts(
    seats,
    [
      progress("a3", 500),
      progress("d3", 12),
      progress("e3", 400),
      progress("f3", 400),
      progress("b1", 300),
      progress("g3a", 400),
      progress("g3b", 400),
      progress("g3c", 400),
    ],
    [score("a3", 2.0), score("e3", 3.2), score("f3", 2.2), score("d3", 2.2), score("g3a", 4.0), score("g3b", 4.1), score("g3c", 4.2)],
    [answer("f3", 0, 0), answer("f3", 1, 0.5), answer("a3", 0, 1), answer("a3", 1, 1), answer("e3", 0, 0)],
  );
  const questions = new Map([
    [
      "r",
      [
        { index: 0, type: "single", prompt: { ko: "", en: "" }, tags: ["lstm"] },
        { index: 1, type: "single", prompt: { ko: "", en: "" }, tags: ["lstm", "bptt"] },
      ],
    ],
  ]);
  const studentOf = new Map(seats.flatMap((s) => (s.rosterStudentId ? [[s.id, s.rosterStudentId] as const] : [])));
  const input = {
    sessions: S,
    studentIds: ["A", "B", "C", "D", "E", "F"],
    attendance: attendanceIndex(seats),
    facts,
    sessionsWithModels: new Set(["s1", "s3"]),
    concepts: conceptTable([answer("f3", 0, 0), answer("f3", 1, 0.5), answer("a3", 0, 1), answer("a3", 1, 1), answer("e3", 0, 0)], questions, studentOf),
    settings,
  };
  const result = new Map(needsAttention(input).map((r) => [r.rosterStudentId, r.reasons]));
  const cases: [string, string, AttentionReason[] | undefined][] = [
    ["a student doing well is not listed", "A", undefined],
    ["absent from the last two sessions", "B", [{ kind: "absent", sessions: 2 }]],
    ["joined but never trained", "C", [{ kind: "neverTrained", sessionId: "s3" }]],
    ["stuck below the step threshold", "D", [{ kind: "stuck", sessionId: "s3", steps: 12 }]],
    [
      "verified score far behind the class median of roster students (2.2; guests' scores are not counted)",
      "E",
      [{ kind: "behind", sessionId: "s3", bpc: 3.2, classMedian: 2.2 }],
    ],
    ["concept accuracy below the threshold after enough answers", "F", [{ kind: "concept", tag: "lstm", accuracy: 0.25, answered: 2 }]],
  ];
  for (const [name, student, expected] of cases) it(name, () => assert.deepEqual(result.get(student), expected));

  it("thresholds are per class: a looser setting clears the flags", () => {
    const loose = needsAttention({ ...input, settings: { absentSessions: 3, minSteps: 0, scoreGapBpc: 5, conceptAccuracy: 0.1, conceptMinAnswers: 2 } });
    assert.deepEqual(loose, [{ rosterStudentId: "C", reasons: [{ kind: "neverTrained", sessionId: "s3" }] }]);
  });
  it("no absence flag before the class has N sessions", () => {
    assert.deepEqual(needsAttention({ ...input, sessions: S.slice(0, 1), studentIds: ["Z"] }), []);
  });
});
