/**
 * The engine's WebAssembly layers (layer.ts) compute what the op-by-op path computes: the same loss,
 * every parameter's gradient and the final state, within float32 rounding, for each cell, one-hot
 * input multiplied and looked up by row, an embedding, stacked layers with dropout, and sizes that
 * leave the module's 4 × 8 product blocks partly filled. (The finite-difference checks of
 * gradients.test.ts run through them too, on the wasm backend.)
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { CharRNN, disposeState } from "../model";
import { CELL_KINDS, makeConfig, type CharRNNConfig } from "../config";
import { randomBatch, useBackend } from "../test-support";
import { runWasmLayer, wasmLayerAvailable } from "./layer";

interface Result {
  loss: number;
  grads: Map<string, Float32Array>;
  state: Float32Array[];
}

function gradientsOf(model: CharRNN, dropout: boolean): Result {
  const batch = randomBatch(model.vocabSize, model.config.batchSize, model.config.seqLen, 5);
  const { loss, grads, state } = model.computeGradients(batch, undefined, dropout);
  const result = {
    loss: loss.dataSync()[0],
    grads: new Map([...grads].map(([name, g]) => [name, Float32Array.from(g.dataSync())] as const)),
    state: state.flatMap(({ h, c }) => [h, ...(c ? [c] : [])].map((t) => Float32Array.from(t.dataSync()))),
  };
  loss.dispose();
  grads.forEach((g) => g.dispose());
  disposeState(state);
  return result;
}

/** max |a − b| over max |b|: the difference relative to the tensor's scale. */
function relativeDifference(a: Float32Array, b: Float32Array): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / (scale || 1);
}

const CASES: { name: string; config: Partial<CharRNNConfig>; vocabSize: number; dropout?: boolean }[] = [
  { name: "one-hot, V ≤ 4H", config: { hiddenSize: 16 }, vocabSize: 11 },
  { name: "one-hot, V > 4H (op-by-op looks rows up)", config: { hiddenSize: 16 }, vocabSize: 70 },
  { name: "embedding", config: { hiddenSize: 16, embeddingSize: 12 }, vocabSize: 11 },
  { name: "3 layers, embedding, dropout", config: { hiddenSize: 24, layers: 3, embeddingSize: 8, dropout: 0.3 }, vocabSize: 11, dropout: true },
  { name: "H = 20, B = 5 (partial product blocks)", config: { hiddenSize: 20, layers: 2, batchSize: 5 }, vocabSize: 9 },
  { name: "the headline size: H = 128, B = 16", config: { hiddenSize: 128, batchSize: 16, seqLen: 12 }, vocabSize: 65 },
];

for (const cell of CELL_KINDS)
  for (const { name, config, vocabSize, dropout = false } of CASES) {
    test(`the WASM ${cell} layer equals the op-by-op path: ${name}`, async () => {
      await useBackend("wasm");
      const full = makeConfig({ cell, seqLen: 9, batchSize: 6, ...config });
      assert.ok(wasmLayerAvailable(full.hiddenSize));
      const fused = CharRNN.create(full, vocabSize);
      const opByOp = CharRNN.create(full, vocabSize); // same seed: same weights and the same dropout masks
      opByOp.kernelPath = "op-by-op";
      const a = gradientsOf(fused, dropout);
      const b = gradientsOf(opByOp, dropout);
      assert.ok(Math.abs(a.loss - b.loss) < 1e-5, `loss ${a.loss} vs ${b.loss}`);
      assert.equal(a.grads.size, b.grads.size);
      for (const [param, g] of b.grads) {
        const mine = a.grads.get(param);
        assert.ok(mine, param);
        const d = relativeDifference(mine, g);
        assert.ok(d < 1e-5, `${param}: relative difference ${d}`);
      }
      a.state.forEach((s, i) => assert.ok(relativeDifference(s, b.state[i]) < 1e-5, `state ${i}`));
      fused.dispose();
      opByOp.dispose();
    });
  }

test("the WASM layers run hidden sizes that are multiples of 4, on the wasm backend only", async () => {
  await useBackend("wasm");
  assert.equal(wasmLayerAvailable(16), true);
  assert.equal(wasmLayerAvailable(18), false);
  await useBackend("cpu");
  assert.equal(wasmLayerAvailable(16), false);
});

test("a GRU whose hidden size is not a multiple of 4 trains op-by-op on wasm, with the same result", async () => {
  await useBackend("wasm");
  const config = makeConfig({ cell: "gru", hiddenSize: 18, seqLen: 8, batchSize: 3 });
  const auto = CharRNN.create(config, 7);
  const opByOp = CharRNN.create(config, 7);
  opByOp.kernelPath = "op-by-op";
  const a = gradientsOf(auto, false);
  const b = gradientsOf(opByOp, false);
  assert.equal(a.loss, b.loss);
  for (const [param, g] of b.grads) assert.deepEqual(a.grads.get(param), g, param);
  auto.dispose();
  opByOp.dispose();
});

test("a layer's backward pass refuses once a later forward pass has reused its memory", async () => {
  await useBackend("wasm");
  const B = 2;
  const H = 8;
  const V = 5;
  tf.tidy(() => {
    const params = {
      kernel: tf.randomNormal([V, 4 * H]) as tf.Tensor2D,
      recurrentKernel: tf.randomNormal([H, 4 * H]) as tf.Tensor2D,
      bias: tf.zeros([4 * H]) as tf.Tensor1D,
    };
    const state = { h: tf.zeros([B, H]) as tf.Tensor2D, c: tf.zeros([B, H]) as tf.Tensor2D };
    const input = { ids: tf.tensor1d([0, 1, 2, 3, 4, 0], "int32"), vocabSize: V };
    const first = runWasmLayer("lstm", 0, params, input, state);
    const second = runWasmLayer("lstm", 0, params, input, state);
    const dY = tf.ones([3 * B, H]) as tf.Tensor2D;
    assert.throws(() => first.backward(dY, false), /overwritten by a later forward pass/);
    assert.equal(second.backward(dY, false).kernel.shape.join("×"), `${V}×${4 * H}`);
    // Another layer's slot is its own memory: layer 1 does not disturb layer 0.
    const third = runWasmLayer("lstm", 0, params, input, state);
    runWasmLayer("lstm", 1, params, input, state);
    assert.doesNotThrow(() => third.backward(dY, false));
  });
});
