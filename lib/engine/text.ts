/**
 * Text handling: normalisation, vocabulary, encoding and the corpus split.
 *
 * A "character" is one Unicode code point of the NFC-normalised text, so a
 * precomposed Korean syllable such as 한 is one character whether the source
 * file stored it composed or as conjoining jamo. Browser and server run this
 * same code on the same corpus file and therefore agree on every id.
 *
 * Corpus split rule (deterministic, documented for the leaderboard):
 *   the NFC text is cut into consecutive blocks of `splitBlockSize(n)`
 *   characters (10,000 for any corpus of 200,000+ characters, n/20 for
 *   smaller ones); block i goes to validation when i % 10 == 8, to test when
 *   i % 10 == 9, and to train otherwise. Each split is the concatenation of
 *   its blocks in order. Test blocks are disjoint from the other two, so the
 *   test split can never be reconstructed from train + validation.
 * The vocabulary is built from the train split only.
 */

/** Id 0 of every vocabulary: stands for any character outside it. */
export const UNKNOWN_CHAR = "\uFFFD";

/** Characters ↔ ids. */
export interface Vocabulary {
  /** chars[id] is the character with that id; chars[0] is UNKNOWN_CHAR. */
  readonly chars: readonly string[];
  /** character → id (UNKNOWN_CHAR → 0). */
  readonly index: ReadonlyMap<string, number>;
}

/** The three disjoint parts of a corpus. */
export interface CorpusSplit {
  train: string;
  validation: string;
  test: string;
}

/** Canonical composition (NFC): the only form the engine ever sees. */
export function normalizeText(text: string): string {
  return text.normalize("NFC");
}

/**
 * Vocabulary of the `maxVocab − 1` most frequent characters of `text`
 * (ties broken by smaller code point), after the unknown token at id 0.
 */
export function buildVocabulary(text: string, maxVocab: number): Vocabulary {
  if (!Number.isInteger(maxVocab) || maxVocab < 2) throw new RangeError(`maxVocab must be an integer ≥ 2, got ${maxVocab}`);
  const counts = new Map<string, number>();
  for (const ch of normalizeText(text)) {
    if (ch !== UNKNOWN_CHAR) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  const ranked = [...counts.entries()]
    .sort(([a, ca], [b, cb]) => cb - ca || (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0))
    .slice(0, maxVocab - 1)
    .map(([ch]) => ch);
  return vocabularyFromChars([UNKNOWN_CHAR, ...ranked]);
}

/** Rebuilds a vocabulary from its character list (e.g. a weights header); throws RangeError if malformed. */
export function vocabularyFromChars(chars: readonly string[]): Vocabulary {
  if (chars[0] !== UNKNOWN_CHAR) throw new RangeError("vocabulary must start with the unknown character U+FFFD");
  const index = new Map<string, number>();
  chars.forEach((ch, id) => {
    if (typeof ch !== "string" || [...ch].length !== 1) throw new RangeError(`vocabulary entry ${id} is not a single character`);
    if (ch !== normalizeText(ch)) throw new RangeError(`vocabulary entry ${id} is not NFC-normalised`);
    if (index.has(ch)) throw new RangeError(`vocabulary entry ${id} repeats ${JSON.stringify(ch)}`);
    index.set(ch, id);
  });
  return { chars: [...chars], index };
}

/** NFC-normalises `text` and maps each character to its id (0 when outside the vocabulary). */
export function encode(vocab: Vocabulary, text: string): Int32Array {
  const chars = Array.from(normalizeText(text));
  const ids = new Int32Array(chars.length);
  chars.forEach((ch, i) => {
    ids[i] = vocab.index.get(ch) ?? 0;
  });
  return ids;
}

/** Maps ids back to text; ids outside the vocabulary decode as UNKNOWN_CHAR. */
export function decode(vocab: Vocabulary, ids: ArrayLike<number>): string {
  let out = "";
  for (let i = 0; i < ids.length; i++) out += vocab.chars[ids[i]] ?? UNKNOWN_CHAR;
  return out;
}

/** Block length of the split rule for a corpus of `n` characters. */
export function splitBlockSize(n: number): number {
  return Math.max(1, Math.min(10_000, Math.floor(n / 20)));
}

/** Splits a corpus into train / validation / test by the rule in this file's header. */
export function splitCorpus(text: string): CorpusSplit {
  const chars = Array.from(normalizeText(text));
  const block = splitBlockSize(chars.length);
  const parts: Record<keyof CorpusSplit, string[]> = { train: [], validation: [], test: [] };
  for (let i = 0; i * block < chars.length; i++) {
    const part = i % 10 === 8 ? "validation" : i % 10 === 9 ? "test" : "train";
    parts[part].push(chars.slice(i * block, (i + 1) * block).join(""));
  }
  return { train: parts.train.join(""), validation: parts.validation.join(""), test: parts.test.join("") };
}
