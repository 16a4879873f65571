import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { attentionSettingsFrom, DEFAULT_ATTENTION_SETTINGS, type AttentionSettings } from "./settings";
import { questionsOf } from "./quizQuestions";
import { temperatureCardOf } from "./temperatureCard";

describe("attention settings from stored JSON", () => {
  const cases: [string, unknown, Partial<AttentionSettings>][] = [
    ["null → defaults", null, {}],
    ["a string → defaults", "oops", {}],
    ["one field kept", { absentSessions: 3 }, { absentSessions: 3 }],
    ["invalid field falls back", { absentSessions: 0, conceptAccuracy: 0.7 }, { conceptAccuracy: 0.7 }],
    ["wrong type falls back", { minSteps: "10" }, {}],
  ];
  for (const [name, stored, overrides] of cases)
    it(name, () => assert.deepEqual(attentionSettingsFrom(stored), { ...DEFAULT_ATTENTION_SETTINGS, ...overrides }));
});

describe("quiz round questions", () => {
  const cases: [string, unknown, { tags: string[]; prompt: { ko: string; en: string } }[]][] = [
    ["not a list", { questions: [] }, []],
    [
      "bilingual prompt and tags",
      [{ type: "single", prompt: { ko: "게이트?", en: "Gate?" }, tags: ["lstm", "gates"] }],
      [{ tags: ["lstm", "gates"], prompt: { ko: "게이트?", en: "Gate?" } }],
    ],
    ["missing language filled from the other", [{ prompt: { ko: "온도" }, tags: ["sampling"] }], [{ tags: ["sampling"], prompt: { ko: "온도", en: "온도" } }]],
    ["junk tags dropped, duplicates merged", [{ prompt: "Q", tags: ["bptt", " bptt ", 3, ""] }], [{ tags: ["bptt"], prompt: { ko: "Q", en: "Q" } }]],
    [
      "a broken question keeps its index",
      [null, { prompt: "Q2", tags: ["x"] }],
      [
        { tags: [], prompt: { ko: "", en: "" } },
        { tags: ["x"], prompt: { ko: "Q2", en: "Q2" } },
      ],
    ],
  ];
  for (const [name, stored, expected] of cases) {
    it(name, () =>
      assert.deepEqual(
        questionsOf(stored).map((q) => ({ tags: q.tags, prompt: q.prompt })),
        expected,
      ),
    );
  }
});

describe("temperature card", () => {
  const cases: [string, unknown, { temperature: number; text: string }[]][] = [
    [
      "list with text",
      [
        { temperature: 1, text: "b" },
        { temperature: 0.5, text: "a" },
      ],
      [
        { temperature: 0.5, text: "a" },
        { temperature: 1, text: "b" },
      ],
    ],
    ["list with sample", [{ temperature: 0.8, sample: "s" }], [{ temperature: 0.8, text: "s" }]],
    [
      "map",
      { "0.2": "x", "1.5": "y" },
      [
        { temperature: 0.2, text: "x" },
        { temperature: 1.5, text: "y" },
      ],
    ],
    ["wrapped", { samples: [{ temperature: 1, text: "z" }] }, [{ temperature: 1, text: "z" }]],
    ["null", null, []],
    ["garbage", [{ t: 1 }], []],
  ];
  for (const [name, stored, expected] of cases) it(name, () => assert.deepEqual(temperatureCardOf(stored), expected));
});
