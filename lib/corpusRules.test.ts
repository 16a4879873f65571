/** Upload rules for instructors' training texts, table-driven. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_CORPUS_DISTINCT_CHARS, MIN_CORPUS_CHARS, corpusProblem } from "./corpusRules";

describe("corpus upload rules", () => {
  const prose = "동해물과 백두산이 마르고 닳도록 하느님이 보우하사. ".repeat(100);
  const manyDistinct = Array.from({ length: MAX_CORPUS_DISTINCT_CHARS + 10 }, (_, i) => String.fromCharCode(0xac00 + i))
    .join("")
    .repeat(2);
  const table: [string, string, string | null][] = [
    ["Korean prose", prose, null],
    ["empty", "   \n\n ", "EMPTY"],
    ["NUL bytes", prose + "\u0000", "BINARY"],
    ["invalid UTF-8 (decoded as U+FFFD)", prose + "\uFFFD", "BINARY"],
    ["control characters", "\u0001\u0002\u0003".repeat(1000) + prose, "BINARY"],
    ["too short", "a".repeat(MIN_CORPUS_CHARS - 1), "TOO_SHORT"],
    ["too many distinct characters", manyDistinct, "TOO_MANY_DISTINCT"],
  ];
  for (const [name, text, expected] of table) it(name, () => assert.equal(corpusProblem(text)?.code ?? null, expected));
});
