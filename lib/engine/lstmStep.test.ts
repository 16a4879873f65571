/**
 * The LSTM with its element-wise step work in one kernel (lstmStep.ts) computes what the op-by-op
 * LSTM computes: the same loss, gradients and carried state within float32 rounding, on both
 * backends that have the kernel, for one-hot input (small and large vocabulary) and two layers
 * over an embedding; and it does so in far fewer kernels.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import type { CharRNNConfig } from "./config";
import { randomBatch, tinyModel, useBackend } from "./test-support";

const CASES: (Partial<CharRNNConfig> & { vocabSize: number })[] = [
  { layers: 1, embeddingSize: 0, vocabSize: 6 },
  { layers: 2, embeddingSize: 0, vocabSize: 70 },
  { layers: 2, embeddingSize: 8, vocabSize: 6 },
];

/** Loss, every gradient and the final state of one batch started from a carried state. */
function run(kernelPath: "auto" | "op-by-op", overrides: Partial<CharRNNConfig>, vocabSize: number) {
  const model = tinyModel({ cell: "lstm", ...overrides }, vocabSize);
  model.kernelPath = kernelPath;
  const batch = randomBatch(vocabSize, 4, 9);
  // A first batch gives a non-zero state to start the measured one from.
  const first = model.computeGradients(batch);
  const { loss, grads, state } = model.computeGradients({ ...batch, inputs: batch.targets }, first.state);
  const lossValue = loss.dataSync()[0];
  const values = new Map([...grads].map(([name, g]) => [name, Float32Array.from(g.dataSync())] as const));
  const finalState = state.flatMap(({ h, c }) => [h.dataSync(), c?.dataSync() ?? new Float32Array()]);
  tf.dispose([loss, ...grads.values(), first.loss, ...first.grads.values()]);
  [...state, ...first.state].forEach(({ h, c }) => tf.dispose(c === null ? [h] : [h, c]));
  model.dispose();
  return { lossValue, values, finalState };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

for (const backend of ["cpu", "wasm"] as const) {
  for (const { vocabSize, ...overrides } of CASES) {
    const input = overrides.embeddingSize ? "embedding" : `one-hot, V = ${vocabSize}`;
    test(`fused LSTM cell = op-by-op LSTM on ${backend}: ${overrides.layers} layer(s), ${input}`, async () => {
      await useBackend(backend);
      const fused = run("auto", overrides, vocabSize);
      const opByOp = run("op-by-op", overrides, vocabSize);
      assert.ok(Math.abs(fused.lossValue - opByOp.lossValue) < 1e-5, `loss ${fused.lossValue} vs ${opByOp.lossValue}`);
      assert.equal(fused.values.size, opByOp.values.size);
      for (const [name, g] of opByOp.values) {
        const f = fused.values.get(name);
        assert.ok(f, name);
        assert.ok(maxDiff(f, g) < 1e-5, `${name}: max |fused − op-by-op| = ${maxDiff(f, g)}`);
      }
      fused.finalState.forEach((s, i) => assert.ok(maxDiff(s, opByOp.finalState[i]) < 1e-5, `state tensor ${i}`));
    });
  }
}

test("the fused LSTM cell runs a time step in far fewer kernels (wasm)", async () => {
  await useBackend("wasm");
  /** Registered kernels (not the op wrappers tf.profile also lists) of one forward and backward pass. */
  const kernels = async (kernelPath: "auto" | "op-by-op", seqLen: number) => {
    const model = tinyModel({ cell: "lstm", layers: 1, embeddingSize: 0, seqLen }, 6);
    model.kernelPath = kernelPath;
    const batch = randomBatch(6, 4, seqLen);
    const info = await tf.profile(() => {
      const { loss, grads, state } = model.computeGradients(batch);
      tf.dispose([loss, ...grads.values()]);
      state.forEach(({ h, c }) => tf.dispose(c === null ? [h] : [h, c]));
    });
    model.dispose();
    // Registered kernels that compute (tf.profile also lists op wrappers; Reshape only relabels a tensor).
    return info.kernels.filter((k) => k.name !== "Reshape" && tf.getKernel(k.name, "wasm") !== undefined).length;
  };
  const perTimeStep = async (kernelPath: "auto" | "op-by-op") => ((await kernels(kernelPath, 20)) - (await kernels(kernelPath, 10))) / 10;
  const fused = await perTimeStep("auto");
  const opByOp = await perTimeStep("op-by-op");
  // Fused: concat, four gate products, cell; backward: cell, δ·Uᵀ, and the two per-step transposes of
  // the weight gradients both paths share. Op-by-op: ≈ 40.
  assert.ok(fused <= 10, `fused: ${fused} kernels per time step`);
  assert.ok(fused * 3 < opByOp, `fused ${fused} vs op-by-op ${opByOp} kernels per time step`);
});
