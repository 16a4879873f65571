/**
 * Checks of an uploaded weight file shared by students' submissions (L13) and the instructor's
 * own models (T11): the file decodes under the format's strict rules within the size cap, and its
 * vocabulary is exactly the one the browsers build from the corpus's training split.
 */
import { AppError } from "../../lib/protocol/errors";
import { WeightsFormatError, parseWeights, type ParsedWeights } from "../../lib/engine/weights";
import { MAX_WEIGHTS_BYTES } from "../../lib/leaderboard/admission";
import { sameVocabulary } from "../../lib/leaderboard/scoringCorpus";
import type { Db } from "../db/client";
import { scoringCorpus } from "./scoringCorpora";

/** The decoded file; a malformed or oversized one is refused with its format error code. */
export function decodeUploadedWeights(bytes: Uint8Array): ParsedWeights {
  if (bytes.length > MAX_WEIGHTS_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", `the weight file is larger than ${MAX_WEIGHTS_BYTES} bytes`, { weights: ["TOO_LARGE"] });
  try {
    return parseWeights(bytes, { maxBytes: MAX_WEIGHTS_BYTES });
  } catch (error) {
    if (error instanceof WeightsFormatError) throw new AppError("BAD_REQUEST", `the weight file was refused: ${error.message}`, { weights: [error.code] });
    throw error;
  }
}

/** Refuses a model whose vocabulary is not the corpus's training vocabulary (at its own cap). */
export async function assertCorpusVocabulary(db: Db, corpusRef: string, parsed: ParsedWeights): Promise<void> {
  const corpus = await scoringCorpus(db, corpusRef);
  if (!corpus) throw new AppError("NOT_FOUND", "the round's corpus is gone");
  if (!sameVocabulary(parsed.vocabulary.chars, corpus.vocabulary(parsed.header.config.maxVocab))) {
    throw new AppError("BAD_REQUEST", "the model's vocabulary is not this corpus's training vocabulary", { weights: ["VOCABULARY_MISMATCH"] });
  }
}
