/**
 * Sample novelty: how much of a sample was NOT copied from the training text (rule L9 in SPEC.md).
 *
 *   novelty = (sample's n-character sequences that never occur in the training text)
 *             / (sample's n-character sequences),            n = NOVELTY_NGRAM = 8
 *
 * Characters are NFC code points (the engine's notion, lib/engine/text.ts). Every position of the
 * sample counts (a sequence that repeats counts each time). A sample shorter than n characters has
 * no sequences: its novelty is null (unknown), never 0 or 1.
 *
 * The training text's sequences are kept as 52-bit polynomial hashes in a Set<number> (a 1 M
 * character corpus costs ~20 MB instead of ~80 MB of strings). A pasted training excerpt scores
 * exactly 0 (every one of its sequences is in the set); a collision could only make a truly new
 * sequence look copied, with probability ~|set| / 2^52 ≈ 1e-10 per sequence.
 */
import { normalizeText } from "../engine/text";

/** Length of the character sequences compared (8: longer than most words, shorter than a phrase). */
export const NOVELTY_NGRAM = 8;

/** The training text's n-character sequences, hashed. Build once per corpus. */
export interface NgramIndex {
  readonly n: number;
  readonly hashes: ReadonlySet<number>;
}

const MOD = 2 ** 52; // hashes stay exact integers in a double
const MUL_HI = 0x5bd1; // multiplier 0x5bd1e995 split so products stay below 2^53
const MUL_LO = 0xe995;

/** hash' = (hash · M + code) mod 2^52, computed without losing precision. */
function step(hash: number, code: number): number {
  const hi = Math.floor(hash / 65536);
  const lo = hash % 65536;
  // hash·M = (hi·2^16 + lo)(MUL_HI·2^16 + MUL_LO); keep everything mod 2^52.
  const a = ((hi * MUL_HI) % 2 ** 20) * 2 ** 32; // hi·MUL_HI·2^32 mod 2^52
  const b = ((hi * MUL_LO + lo * MUL_HI) % 2 ** 36) * 65536; // ·2^16 mod 2^52
  const c = lo * MUL_LO;
  return (((a + b) % MOD) + c + code) % MOD; // a + b < 2^53, the rest < 2^52 + 2^33: all exact
}

function hashOf(codes: readonly number[], from: number, n: number): number {
  let h = 0;
  for (let i = from; i < from + n; i++) h = step(h, codes[i]);
  return h;
}

function codePoints(text: string): number[] {
  const out: number[] = [];
  for (const ch of normalizeText(text)) out.push(ch.codePointAt(0) ?? 0);
  return out;
}

/** Hashes of every n-character sequence of `train`. */
export function buildNgramIndex(train: string, n: number = NOVELTY_NGRAM): NgramIndex {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const codes = codePoints(train);
  const hashes = new Set<number>();
  for (let i = 0; i + n <= codes.length; i++) hashes.add(hashOf(codes, i, n));
  return { n, hashes };
}

/** Share (0–1) of `sample`'s n-character sequences absent from the index; null when it has none. */
export function novelty(sample: string, index: NgramIndex): number | null {
  const codes = codePoints(sample);
  const total = codes.length - index.n + 1;
  if (total <= 0) return null;
  let unseen = 0;
  for (let i = 0; i < total; i++) if (!index.hashes.has(hashOf(codes, i, index.n))) unseen++;
  return unseen / total;
}
