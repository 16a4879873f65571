/**
 * With identical weights, the engine's forward pass equals tf.layers'
 * simpleRNN / lstm / gru followed by a dense layer, within 1e-5.
 *
 * tf.layers details matched here: recurrentActivation must be set to
 * 'sigmoid' (tf.layers defaults to 'hardSigmoid'); tf.layers.gru only
 * implements reset_after = false (reset gate before the recurrent matmul),
 * which is also the lecture's GRU and the engine's; the kernel layouts and
 * gate orders ([i, f, g, o] and [z, r, h̃]) are Keras'.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { CharRNN, disposeState, parameterSpecs } from "./model";
import { makeConfig, type CharRNNConfig } from "./config";
import { Rng } from "./rng";
import { randomBatch, useBackend } from "./test-support";

/** Vocabulary size: below the hidden size 16 (one-hot rows multiplied), or above 4 × 16 (looked up by row, cells.ts). */
const V = 11;
const LARGE_V = 70;
const B = 3;
const T = 7;

function randomModel(overrides: Partial<CharRNNConfig>, vocabSize: number): CharRNN {
  const config = makeConfig({ hiddenSize: 16, ...overrides });
  const rng = new Rng(3);
  const values = new Map(
    parameterSpecs(config, vocabSize).map((s) => [s.name, new Float32Array(s.shape.reduce((a, b) => a * b, 1)).map(() => rng.uniform(0.5))] as const),
  );
  return CharRNN.fromParameters(config, vocabSize, values);
}

/** The same network built from tf.layers, holding the engine model's weights. */
function layersTwin(model: CharRNN): tf.Sequential {
  const { cell, layers, hiddenSize: units, embeddingSize } = model.config;
  const V = model.vocabSize;
  const params = new Map(model.parameters().map((p) => [p.name, tf.tensor(p.values, p.shape)] as const));
  const get = (name: string) => {
    const t = params.get(name);
    assert.ok(t, name);
    return t;
  };
  const net = tf.sequential();
  if (embeddingSize > 0) net.add(tf.layers.embedding({ inputDim: V, outputDim: embeddingSize, inputShape: [T], weights: [get("embedding")] }));
  for (let l = 0; l < layers; l++) {
    const weights = [get(`layer${l}.kernel`), get(`layer${l}.recurrentKernel`), get(`layer${l}.bias`)];
    const first = l === 0 && embeddingSize === 0 ? { inputShape: [T, V] } : {};
    const args = { units, returnSequences: true, weights, ...first };
    if (cell === "rnn") net.add(tf.layers.simpleRNN(args));
    else if (cell === "lstm") net.add(tf.layers.lstm({ ...args, recurrentActivation: "sigmoid" }));
    else net.add(tf.layers.gru({ ...args, recurrentActivation: "sigmoid" }));
  }
  net.add(tf.layers.dense({ units: V, weights: [get("output.kernel"), get("output.bias")] }));
  params.forEach((t) => t.dispose());
  return net;
}

const CASES: Partial<CharRNNConfig>[] = [
  { cell: "rnn", layers: 2 },
  { cell: "lstm", layers: 2 },
  { cell: "gru", layers: 2 },
  { cell: "lstm", layers: 1, embeddingSize: 8 },
  { cell: "gru", layers: 1, embeddingSize: 8 },
];
/** Run with LARGE_V as well: the first layer then looks up its one-hot rows. */
const LOOKUP_CASES: Partial<CharRNNConfig>[] = [
  { cell: "rnn", layers: 2 },
  { cell: "lstm", layers: 2 },
  { cell: "gru", layers: 2 },
];

for (const backend of ["cpu", "wasm"] as const) {
  const cases = [...CASES.map((c) => ({ overrides: c, vocabSize: V })), ...LOOKUP_CASES.map((c) => ({ overrides: c, vocabSize: LARGE_V }))];
  for (const { overrides, vocabSize } of cases) {
    const input = overrides.embeddingSize ? ", embedding" : vocabSize === LARGE_V ? ", one-hot looked up by row" : "";
    test(`forward equals tf.layers on ${backend}: ${overrides.cell}, ${overrides.layers} layer(s)${input}`, async () => {
      await useBackend(backend);
      const model = randomModel(overrides, vocabSize);
      const V = vocabSize;
      const { inputs } = randomBatch(V, B, T);
      const net = layersTwin(model);
      const input = model.config.embeddingSize > 0 ? tf.tensor2d(inputs, [B, T], "float32") : tf.oneHot(tf.tensor2d(inputs, [B, T], "int32"), V).toFloat();
      const expected = net.predict(input) as tf.Tensor;
      const { logits, state } = model.forward(inputs, B);
      assert.deepEqual(logits.shape, [B, T, V]);
      const maxDiff = tf.max(tf.abs(tf.sub(logits, expected))).dataSync()[0];
      assert.ok(maxDiff < 1e-5, `max |engine − tf.layers| = ${maxDiff}`);
      tf.dispose([input, expected, logits]);
      disposeState(state);
      net.dispose();
      model.dispose();
    });
  }
}
