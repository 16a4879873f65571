/** A weight file (lib/engine/weights.ts) to a model: the one step of the format that needs tfjs. */
import { CharRNN } from "./model";
import { parseWeights, type WeightsHeader, type WeightsLimits } from "./weights";
import type { Vocabulary } from "./text";

/** Validates `bytes` (see parseWeights) and builds the model; the caller disposes it. */
export function decodeWeights(bytes: Uint8Array, limits: Partial<WeightsLimits> = {}): { header: WeightsHeader; vocabulary: Vocabulary; model: CharRNN } {
  const { header, vocabulary, parameters } = parseWeights(bytes, limits);
  return { header, vocabulary, model: CharRNN.fromParameters(header.config, vocabulary.chars.length, parameters) };
}
