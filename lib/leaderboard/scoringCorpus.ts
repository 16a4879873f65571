/**
 * A corpus prepared for scoring (SPEC L0, L13) — its vocabulary, n-gram index and evaluation
 * window — without tfjs, so that the server's main thread can check a submission's vocabulary
 * without loading TensorFlow.js; the scoring itself is lib/leaderboard/score.ts, in workers.
 */
import { buildVocabulary, type Vocabulary } from "../engine/text";
import { buildNgramIndex, type NgramIndex } from "./novelty";

/** Characters of the held-out test split scored (L0): the public half, then the private half. */
export const EVAL_WINDOW_CHARS = 20_000;
/** The evaluation window of a test split: its first EVAL_WINDOW_CHARS characters (code points). */
export function evaluationWindow(test: string): string {
  return Array.from(test).slice(0, EVAL_WINDOW_CHARS).join("");
}

/** A corpus prepared for scoring: training text (vocabulary, novelty) and the evaluation window. */
export class ScoringCorpus {
  private readonly vocabularies = new Map<number, Vocabulary>();
  private index: NgramIndex | null = null;

  constructor(
    /** The training split. */
    readonly train: string,
    /** evaluationWindow(test split) */
    readonly window: string,
  ) {}

  /** The training split's vocabulary for a config's maxVocab (cached). */
  vocabulary(maxVocab: number): Vocabulary {
    let v = this.vocabularies.get(maxVocab);
    if (!v) {
      v = buildVocabulary(this.train, maxVocab);
      this.vocabularies.set(maxVocab, v);
    }
    return v;
  }

  ngrams(): NgramIndex {
    this.index ??= buildNgramIndex(this.train);
    return this.index;
  }
}

/** The training vocabulary equals `chars` exactly (same characters, same ids). */
export function sameVocabulary(chars: readonly string[], expected: Vocabulary): boolean {
  return chars.length === expected.chars.length && chars.every((c, i) => c === expected.chars[i]);
}
