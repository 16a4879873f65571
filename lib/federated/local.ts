/**
 * One student's part of a round (F3, F13), the same in the browser's worker, the bench's simulated
 * students and the tests: rebuild the model from the class-model version with this round's seed (a
 * fresh Adam), train K steps on the shard, and return the weights to upload.
 */
import { Trainer, encodeWeights, type CharRNNConfig, type Vocabulary } from "../engine";
import type { TensorDType } from "../engine/weights";
import { roundSeed } from "./rounds";
import { modelFromVector, modelVector } from "./vectors";

/**
 * F17: uploads are float16, half the bytes of float32 (LSTM-128 on 65 characters: ≈ 216 kB instead of
 * 432 kB). A weight rounded to float16 is off by at most 2⁻¹¹ of itself; bench:federated measures what
 * that costs the class model (README, "The class model"). Versions stay float32: a student's base is
 * exactly the server's, so rounding never accumulates across rounds.
 */
export const UPDATE_DTYPE: TensorDType = "float16";

export interface LocalRound {
  config: CharRNNConfig;
  vocabulary: Vocabulary;
  /** The class-model version the round starts from, flat. */
  base: Float32Array;
  round: number;
  shardStart: number;
  /** The student's shard of the training split, encoded. */
  shardIds: Int32Array;
  validationIds: Int32Array;
  steps: number;
}

export interface LocalResult {
  values: Float32Array;
  stepsDone: number;
  lastLoss: number;
}

/** Trains one round (synchronously, for Node callers; the browser worker steps it itself). */
export function trainLocalRound(input: LocalRound): LocalResult {
  const config = { ...input.config, seed: roundSeed(input.config.seed, input.round, input.shardStart) };
  const model = modelFromVector(config, input.vocabulary.chars.length, input.base);
  const trainer = new Trainer(model, input.shardIds, input.validationIds);
  try {
    let lastLoss = NaN;
    for (let k = 0; k < input.steps; k++) lastLoss = trainer.step().loss;
    return { values: modelVector(model), stepsDone: model.step, lastLoss };
  } finally {
    trainer.dispose();
    model.dispose();
  }
}

/** The upload of a round: a .rnnw file of the trained weights (its `step` = local steps done). */
export function encodeLocalUpdate(input: LocalRound, result: LocalResult, dtype: TensorDType = UPDATE_DTYPE): Uint8Array {
  const config = { ...input.config, seed: roundSeed(input.config.seed, input.round, input.shardStart) };
  const model = modelFromVector(config, input.vocabulary.chars.length, result.values);
  try {
    return encodeWeights(model, input.vocabulary, { step: result.stepsDone, dtype });
  } finally {
    model.dispose();
  }
}
