/** Novelty (lib/leaderboard/SPEC.md L0, novelty.ts): table-driven. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readFileSync } from "node:fs";
import { splitCorpus } from "../engine/text";
import { Rng } from "../engine/rng";
import { buildNgramIndex, novelty } from "./novelty";

describe("novelty on a small text", () => {
  const index = buildNgramIndex("the quick brown fox jumps over the lazy dog");
  const table: [label: string, sample: string, expected: number | null][] = [
    ["a pasted excerpt is 0", "quick brown fox", 0],
    ["the whole text is 0", "the quick brown fox jumps over the lazy dog", 0],
    ["entirely new text is 1", "zzzzzzzzzzzz", 1],
    ["half copied", "the quick" + "ZZZZZZZZZ", 9 / 11], // 11 sequences: the first two ("the quic", "he quick") are copied
    ["shorter than 8 characters: unknown", "the qui", null],
    ["exactly 8 copied", "the quic", 0],
    ["NFC: decomposed input matches composed text", "lazy dog", 0],
  ];
  for (const [label, sample, expected] of table) it(label, () => assert.equal(novelty(sample, index), expected));
});

describe("novelty on Korean (NFC code points)", () => {
  const index = buildNgramIndex("동해 물과 백두산이 마르고 닳도록");
  it("a composed excerpt is 0 even if given as conjoining jamo", () => assert.equal(novelty("백두산이 마르고".normalize("NFD"), index), 0));
});

describe("novelty on tiny-shakespeare", () => {
  const { train } = splitCorpus(readFileSync(new URL("../../server/corpora/tinyshakespeare.txt", import.meta.url), "utf8"));
  const index = buildNgramIndex(train);
  it("0 for a pasted training excerpt", () => assert.equal(novelty(train.slice(123_456, 124_456), index), 0));
  it("high for random text over the same alphabet", () => {
    const alphabet = [...new Set(train)].join("");
    const rng = new Rng(3);
    const text = Array.from({ length: 1000 }, () => alphabet[rng.int(alphabet.length)]).join("");
    assert.ok((novelty(text, index) ?? 0) > 0.99);
  });
  it("in between for a plausible new sentence", () => {
    const value = novelty("ROMEO:\nI will not speak of thee, my gentle cousin, tonight.", index) ?? -1;
    assert.ok(value > 0.1 && value < 0.9, String(value));
  });
});
