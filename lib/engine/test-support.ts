/**
 * Node helpers for the engine tests and scripts/bench-*.ts: backend selection, small fixtures.
 * Not part of the engine's public API and not imported by it; this file may use Node APIs.
 */
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { CharRNN, type TokenBatch } from "./model";
import { makeConfig, type CharRNNConfig } from "./config";
import { Rng } from "./rng";

const require = createRequire(import.meta.url);
setWasmPaths(join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist") + "/");

/** Switches tfjs to `name` ('cpu' or 'wasm') and waits until it is ready. */
export async function useBackend(name: "cpu" | "wasm"): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} unavailable`);
  await tf.ready();
}

/** A deterministic random batch over `vocabSize` ids. */
export function randomBatch(vocabSize: number, batchSize: number, steps: number, seed = 1): TokenBatch {
  const rng = new Rng(seed);
  const draw = () => new Int32Array(batchSize * steps).map(() => rng.int(vocabSize));
  return { inputs: draw(), targets: draw(), batchSize };
}

/** A small model for fast tests. */
export function tinyModel(overrides: Partial<CharRNNConfig>, vocabSize = 6): CharRNN {
  return CharRNN.create(makeConfig({ hiddenSize: 16, seqLen: 8, batchSize: 2, ...overrides }), vocabSize);
}

/** Mean negative log-likelihood of a batch, summed in float64. */
export function meanNLL(model: CharRNN, batch: TokenBatch): number {
  const { logProbs, state } = model.score(batch);
  state.forEach(({ h, c }) => {
    h.dispose();
    c?.dispose();
  });
  let sum = 0;
  for (const lp of logProbs) sum -= lp;
  return sum / logProbs.length;
}
