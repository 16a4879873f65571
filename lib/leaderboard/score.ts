/**
 * Scoring one submission (SPEC L0): the procedure the server's evaluation workers run, written
 * once on top of lib/engine so that it is the same code as the students' browsers.
 *
 *   1. decode the weight file (strict: format, sizes, shapes, finite values);
 *   2. the vocabulary must be the training split's (L13);
 *   3. bits/char on the public and private halves of the evaluation window, and of the untrained
 *      model of the same configuration on the public half (L1b);
 *   4. the chosen sample's bits/char under the model, and its novelty against the training text;
 *   5. the temperature card: short seeded samples at TEMPERATURE_CARD temperatures.
 * The caller has chosen and initialised the tfjs backend.
 */
import { decodeWeights } from "../engine/weights";
import { CharRNN } from "../engine/model";
import type { CharRNNConfig } from "../engine/config";
import { evaluateText } from "../engine/evaluate";
import { sample as generateSample } from "../engine/sample";
import { buildVocabulary, encode, type Vocabulary } from "../engine/text";
import { buildNgramIndex, novelty, type NgramIndex } from "./novelty";
import { TEMPERATURE_CARD } from "../protocol/leaderboard";

/** Characters of the held-out test split scored (L0): the public half, then the private half. */
export const EVAL_WINDOW_CHARS = 20_000;
/** Length and seed of each temperature-card sample (L0). */
export const CARD_SAMPLE_CHARS = 160;
export const CARD_SEED = 7;

/** The evaluation window of a test split: its first EVAL_WINDOW_CHARS characters (code points). */
export function evaluationWindow(test: string): string {
  return Array.from(test).slice(0, EVAL_WINDOW_CHARS).join("");
}

/** A corpus prepared for scoring: training text (vocabulary, novelty) and the evaluation window. */
export class ScoringCorpus {
  private readonly vocabularies = new Map<number, Vocabulary>();
  /** L1b: the untrained model's public bits/char per configuration (its JSON). */
  private readonly untrained = new Map<string, number>();
  private index: NgramIndex | null = null;

  constructor(
    private readonly train: string,
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

  /**
   * L1b: public bits/char of the model a browser starts training from with this configuration —
   * seeded initial weights, output bias at the training text's log character frequencies
   * (CharRNN.create with trainIds, as app/training/trainer.worker.ts does) — cached per configuration.
   */
  untrainedPublicBpc(config: CharRNNConfig, publicIds: Int32Array): number {
    const key = JSON.stringify(config);
    let bpc = this.untrained.get(key);
    if (bpc === undefined) {
      const vocabulary = this.vocabulary(config.maxVocab);
      const model = CharRNN.create(config, vocabulary.chars.length, { trainIds: encode(vocabulary, this.train) });
      try {
        bpc = evaluateText(model, publicIds).bitsPerChar;
      } finally {
        model.dispose();
      }
      this.untrained.set(key, bpc);
    }
    return bpc;
  }
}

export interface ScoreResult {
  publicBpc: number;
  privateBpc: number;
  /** L1b: the untrained model of the same configuration on the same public half. */
  untrainedBpc: number;
  sampleBpc: number | null;
  novelty: number | null;
  temperatureCard: { temperature: number; text: string }[];
}

/** Thrown for a file that decodes but does not belong to this corpus. */
export class ScoringError extends Error {
  constructor(
    readonly code: "VOCABULARY_MISMATCH" | "WINDOW_TOO_SHORT",
    message: string,
  ) {
    super(message);
    this.name = "ScoringError";
  }
}

/** The training vocabulary equals `chars` exactly (same characters, same ids). */
export function sameVocabulary(chars: readonly string[], expected: Vocabulary): boolean {
  return chars.length === expected.chars.length && chars.every((c, i) => c === expected.chars[i]);
}

/** Scores a weight file; throws WeightsFormatError or ScoringError for files that cannot be scored. */
export function scoreSubmission(corpus: ScoringCorpus, weights: Uint8Array, chosen: { text: string; prime: string }): ScoreResult {
  const { header, vocabulary, model } = decodeWeights(weights);
  try {
    if (!sameVocabulary(vocabulary.chars, corpus.vocabulary(header.config.maxVocab))) {
      throw new ScoringError("VOCABULARY_MISMATCH", "the model's vocabulary is not this corpus's training vocabulary");
    }
    const ids = encode(vocabulary, corpus.window);
    const half = Math.floor(ids.length / 2);
    if (half < 2) throw new ScoringError("WINDOW_TOO_SHORT", "the corpus's test split is too short to score");
    const publicBpc = evaluateText(model, ids.subarray(0, half)).bitsPerChar;
    const untrainedBpc = corpus.untrainedPublicBpc(header.config, ids.subarray(0, half));
    const privateBpc = evaluateText(model, ids.subarray(half)).bitsPerChar;
    const sampleIds = encode(vocabulary, chosen.prime + chosen.text);
    const sampleBpc = sampleIds.length >= 2 ? evaluateText(model, sampleIds, { streams: 1 }).bitsPerChar : null;
    const temperatureCard = TEMPERATURE_CARD.map((temperature) => ({
      temperature,
      text: generateSample(model, vocabulary, { prime: chosen.prime || "\n", length: CARD_SAMPLE_CHARS, temperature, seed: CARD_SEED }),
    }));
    return { publicBpc, privateBpc, untrainedBpc, sampleBpc, novelty: novelty(chosen.text, corpus.ngrams()), temperatureCard };
  } finally {
    model.dispose();
  }
}
