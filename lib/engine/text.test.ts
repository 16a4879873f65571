/** Vocabulary, encoding and the corpus split. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readBundledCorpus } from "../../test/helpers/corpora";
import { UNKNOWN_CHAR, buildVocabulary, decode, encode, splitBlockSize, splitCorpus, vocabularyFromChars } from "./text";

test("Korean syllables are single characters after NFC, whatever the source form", () => {
  const composed = "한국어 소설";
  const decomposed = composed.normalize("NFD");
  assert.notEqual(decomposed.length, composed.length);
  const vocab = buildVocabulary(decomposed, 100);
  assert.deepEqual(vocab.chars.slice(1).sort(), [...new Set(composed)].sort());
  assert.deepEqual(encode(vocab, decomposed), encode(vocab, composed));
  assert.equal(encode(vocab, composed).length, 6);
  assert.equal(decode(vocab, encode(vocab, decomposed)), composed);
});

test("vocabulary is ordered by frequency, ties by code point, with the unknown token at id 0", () => {
  const vocab = buildVocabulary("bbbaaccd", 100);
  assert.deepEqual(vocab.chars, [UNKNOWN_CHAR, "b", "a", "c", "d"]);
});

test("the cap keeps the most frequent characters and maps the rest to the unknown token", () => {
  const vocab = buildVocabulary("aaaabbbccd", 3);
  assert.deepEqual(vocab.chars, [UNKNOWN_CHAR, "a", "b"]);
  assert.deepEqual([...encode(vocab, "abcdz")], [1, 2, 0, 0, 0]);
  assert.equal(decode(vocab, encode(vocab, "abc")), `ab${UNKNOWN_CHAR}`);
});

test("a vocabulary list from an untrusted source is checked", () => {
  assert.throws(() => vocabularyFromChars(["a", "b"]), /unknown character/);
  assert.throws(() => vocabularyFromChars([UNKNOWN_CHAR, "a", "a"]), /repeats/);
  assert.throws(() => vocabularyFromChars([UNKNOWN_CHAR, "ab"]), /single character/);
  assert.throws(() => vocabularyFromChars([UNKNOWN_CHAR, "\u1112\u1161\u11ab"]), /single character/);
});

test("the split is deterministic, covers the text and keeps test blocks out of train and validation", () => {
  const korean = readBundledCorpus("korean-classics").normalize("NFC");
  const split = splitCorpus(korean);
  assert.deepEqual(splitCorpus(korean), split);
  const chars = Array.from(korean);
  assert.equal(splitBlockSize(chars.length), 10_000);
  assert.equal(Array.from(split.train).length + Array.from(split.validation).length + Array.from(split.test).length, chars.length);
  const testBlock = chars.slice(9 * 10_000, 10 * 10_000).join("");
  const validationBlock = chars.slice(8 * 10_000, 9 * 10_000).join("");
  assert.ok(split.test.startsWith(testBlock));
  assert.ok(split.validation.startsWith(validationBlock));
  assert.ok(!split.train.includes(testBlock.slice(0, 200)), "a test passage appears in train");
  assert.ok(!split.validation.includes(testBlock.slice(0, 200)), "a test passage appears in validation");
  const ratio = split.test.length / korean.length;
  assert.ok(ratio > 0.09 && ratio < 0.11, `test share ${ratio}`);
  const full = buildVocabulary(split.train, 4000);
  assert.ok(full.chars.length > 1000 && full.chars.length < 4000, `${full.chars.length} distinct characters`);
  const capped = buildVocabulary(split.train, 1000);
  assert.equal(capped.chars.length, 1000);
  assert.deepEqual(capped.chars, full.chars.slice(0, 1000));
  const unknownShare = encode(capped, split.validation).filter((id) => id === 0).length / Array.from(split.validation).length;
  assert.ok(unknownShare > 0 && unknownShare < 0.02, `unknown share in validation ${unknownShare}`);
});

test("small texts still get all three splits", () => {
  const split = splitCorpus("x".repeat(1000));
  assert.equal(split.validation.length, 100);
  assert.equal(split.test.length, 100);
  assert.equal(split.train.length, 800);
});
