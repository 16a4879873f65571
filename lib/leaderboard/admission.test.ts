/** Admission rules (lib/leaderboard/SPEC.md L10–L14): table-driven. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_CONFIG, type CharRNNConfig } from "../engine/config";
import { configDifferences, sampleProblem, submissionRefusal, type RoundSettings } from "./admission";

describe("L10–L12 round settings", () => {
  const open: RoundSettings = { submissionsOpen: true, submissionLimit: 5, minSteps: 100 };
  const table: [label: string, settings: RoundSettings, accepted: number, step: number | null, expected: string | null][] = [
    ["accepted", open, 0, 100, null],
    ["closed (L10)", { ...open, submissionsOpen: false }, 0, 500, "SUBMISSIONS_CLOSED"],
    ["fifth of five is fine (L11)", open, 4, 500, null],
    ["sixth of five (L11)", open, 5, 500, "LIMIT_REACHED"],
    ["too few steps (L12)", open, 0, 99, "TOO_FEW_STEPS"],
    ["no telemetry counts as step 0 (L12)", open, 0, null, "TOO_FEW_STEPS"],
    ["no minimum", { ...open, minSteps: 0 }, 0, null, null],
  ];
  for (const [label, settings, accepted, step, expected] of table)
    it(label, () => assert.equal(submissionRefusal(settings, accepted, step)?.code ?? null, expected));
});

describe("L13 configuration", () => {
  const expected: CharRNNConfig = { ...DEFAULT_CONFIG, hiddenSize: 32 };
  const knobs = [{ field: "learningRate" as const, min: 0.001, max: 0.05 }];
  const table: [label: string, submitted: CharRNNConfig, problems: number][] = [
    ["identical", expected, 0],
    ["a knob within bounds", { ...expected, learningRate: 0.02 }, 0],
    ["a knob out of bounds", { ...expected, learningRate: 0.09 }, 1],
    ["another hidden size", { ...expected, hiddenSize: 64 }, 1],
    ["another cell and seed", { ...expected, cell: "gru", seed: 1 }, 2],
  ];
  for (const [label, submitted, problems] of table) it(label, () => assert.equal(configDifferences(submitted, expected, knobs).length, problems));
});

describe("L14 samples", () => {
  const table: [label: string, text: string, prime: string, refused: boolean][] = [
    ["ordinary", "To be or not", "\n", false],
    ["empty", "", "", true],
    ["only spaces", "   \n ", "", true],
    ["2,000 characters", "가".repeat(2000), "", false],
    ["2,001 characters", "a".repeat(2001), "", true],
    ["long prime", "ok", "p".repeat(201), true],
    ["markup is text, accepted", "<script>alert(1)</script><img src=x onerror=alert(2)>", "", false],
    ["control characters", "bell\u0007", "", true],
  ];
  for (const [label, text, prime, refused] of table) it(label, () => assert.equal(sampleProblem(text, prime) !== null, refused));
});
