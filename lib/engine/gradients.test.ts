/**
 * The hand-written backward pass equals central finite differences of the
 * loss, for every cell, one and two layers, one-hot and embedding input;
 * one-hot input both multiplied (V ≤ H) and looked up by row (V > H, see cells.ts);
 * on the cpu backend (the op-by-op path) and on wasm (the engine's WebAssembly layers, wasm/layer.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { CharRNN, disposeState } from "./model";
import { Rng } from "./rng";
import { meanNLL, randomBatch, tinyModel, useBackend } from "./test-support";
import type { CharRNNConfig } from "./config";

/** tinyModel's hidden size is 16: vocabulary 6 multiplies one-hot rows, 70 (> 4 · 16) looks them up. */
const CASES: (Partial<CharRNNConfig> & { vocabSize: number })[] = [
  { cell: "rnn", layers: 1, embeddingSize: 0, vocabSize: 6 },
  { cell: "lstm", layers: 1, embeddingSize: 0, vocabSize: 6 },
  { cell: "gru", layers: 1, embeddingSize: 0, vocabSize: 6 },
  { cell: "rnn", layers: 2, embeddingSize: 0, vocabSize: 70 },
  { cell: "lstm", layers: 2, embeddingSize: 0, vocabSize: 70 },
  { cell: "gru", layers: 2, embeddingSize: 0, vocabSize: 70 },
  { cell: "rnn", layers: 2, embeddingSize: 8, vocabSize: 6 },
  { cell: "lstm", layers: 2, embeddingSize: 8, vocabSize: 6 },
  { cell: "gru", layers: 2, embeddingSize: 8, vocabSize: 6 },
];

for (const backend of ["cpu", "wasm"] as const)
  for (const { vocabSize, ...overrides } of CASES) {
    const input = overrides.embeddingSize ? "embedding" : vocabSize > 64 ? "one-hot looked up by row" : "one-hot";
    test(`gradients match finite differences on ${backend}: ${overrides.cell}, ${overrides.layers} layer(s), ${input}`, async () => {
      await useBackend(backend);
      const model = tinyModel(overrides, vocabSize);
      const batch = randomBatch(model.vocabSize, 3, 5);
      const { loss, grads, state } = model.computeGradients(batch);
      assert.ok(Math.abs(loss.dataSync()[0] - meanNLL(model, batch)) < 1e-5, "loss of computeGradients equals the scored loss");
      const params = model.parameters();
      const rng = new Rng(7);
      const eps = 1e-2;
      for (const p of params) {
        const analytic = grads.get(p.name)?.dataSync();
        assert.ok(analytic, `gradient for ${p.name}`);
        // A one-hot input kernel has gradient only in the rows of ids the batch holds: probe those rows.
        const inputRows = p.name === "layer0.kernel" && !model.config.embeddingSize ? batch.inputs : null;
        for (let k = 0; k < 5; k++) {
          const cols = p.shape[p.shape.length - 1];
          const i = inputRows ? inputRows[rng.int(inputRows.length)] * cols + rng.int(cols) : rng.int(p.values.length);
          const lossWith = (delta: number) => {
            const values = new Map(params.map((q) => [q.name, q.values.slice()] as const));
            const v = values.get(p.name);
            assert.ok(v);
            v[i] += delta;
            const m = CharRNN.fromParameters(model.config, model.vocabSize, values);
            const l = meanNLL(m, batch);
            m.dispose();
            return l;
          };
          const numeric = (lossWith(eps) - lossWith(-eps)) / (2 * eps);
          const tol = 3e-4 + 2e-2 * Math.abs(numeric);
          assert.ok(Math.abs(numeric - analytic[i]) < tol, `${p.name}[${i}]: analytic ${analytic[i]} vs numeric ${numeric}`);
        }
      }
      loss.dispose();
      grads.forEach((g) => g.dispose());
      disposeState(state);
      model.dispose();
    });
  }

test("gradients on wasm equal gradients on cpu (LSTM, 2 layers, embedding)", async () => {
  const gradsOn = async (backend: "cpu" | "wasm") => {
    await useBackend(backend);
    const model = tinyModel({ cell: "lstm", layers: 2, embeddingSize: 8, hiddenSize: 32 }, 20);
    const { loss, grads, state } = model.computeGradients(randomBatch(20, 8, 12));
    const values = new Map([...grads].map(([name, g]) => [name, Float32Array.from(g.dataSync())] as const));
    const lossValue = loss.dataSync()[0];
    loss.dispose();
    grads.forEach((g) => g.dispose());
    disposeState(state);
    model.dispose();
    return { lossValue, values };
  };
  const cpu = await gradsOn("cpu");
  const wasm = await gradsOn("wasm");
  assert.ok(Math.abs(cpu.lossValue - wasm.lossValue) < 1e-5);
  for (const [name, g] of cpu.values) {
    const w = wasm.values.get(name);
    assert.ok(w);
    const maxDiff = g.reduce((m, v, i) => Math.max(m, Math.abs(v - w[i])), 0);
    assert.ok(maxDiff < 1e-5, `${name}: max |cpu − wasm| = ${maxDiff}`);
  }
});
