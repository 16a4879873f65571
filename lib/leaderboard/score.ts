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
import { decodeWeights } from "../engine/decodeWeights";
import { CharRNN } from "../engine/model";
import type { CharRNNConfig } from "../engine/config";
import { evaluateText } from "../engine/evaluate";
import { sample as generateSample } from "../engine/sample";
import { encode } from "../engine/text";
import { novelty } from "./novelty";
import { TEMPERATURE_CARD } from "../protocol/leaderboard";
import { EVAL_WINDOW_CHARS, ScoringCorpus, sameVocabulary } from "./scoringCorpus";

export { EVAL_WINDOW_CHARS, ScoringCorpus, evaluationWindow, sameVocabulary } from "./scoringCorpus";

/** Length and seed of each temperature-card sample (L0). */
export const CARD_SAMPLE_CHARS = 160;
export const CARD_SEED = 7;

/** L1b: the untrained model's public bits/char per corpus and configuration (its JSON). */
const untrainedCache = new WeakMap<ScoringCorpus, Map<string, number>>();

/**
 * L1b: public bits/char of the model a browser starts training from with this configuration —
 * seeded initial weights, output bias from the training text's character frequencies (unigramStartBias)
 * (CharRNN.create with trainIds, as app/training/trainer.worker.ts does) — cached per configuration.
 */
function untrainedPublicBpc(corpus: ScoringCorpus, config: CharRNNConfig, publicIds: Int32Array): number {
  let byConfig = untrainedCache.get(corpus);
  if (!byConfig) untrainedCache.set(corpus, (byConfig = new Map()));
  const key = JSON.stringify(config);
  let bpc = byConfig.get(key);
  if (bpc === undefined) {
    const vocabulary = corpus.vocabulary(config.maxVocab);
    const model = CharRNN.create(config, vocabulary.chars.length, { trainIds: encode(vocabulary, corpus.train) });
    try {
      bpc = evaluateText(model, publicIds).bitsPerChar;
    } finally {
      model.dispose();
    }
    byConfig.set(key, bpc);
  }
  return bpc;
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
    const privateBpc = evaluateText(model, ids.subarray(half)).bitsPerChar;
    const untrainedBpc = untrainedPublicBpc(corpus, header.config, ids.subarray(0, half));
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
