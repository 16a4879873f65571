/**
 * The hand-written backward pass equals central finite differences of the
 * loss, for every cell, one and two layers, one-hot and embedding input.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CharRNN } from './model';
import { Rng } from './rng';
import { meanNLL, randomBatch, tinyModel, useBackend } from './test-support';
import type { CharRNNConfig } from './config';

const CASES: Partial<CharRNNConfig>[] = [
  { cell: 'rnn', layers: 1, embeddingSize: 0 },
  { cell: 'lstm', layers: 1, embeddingSize: 0 },
  { cell: 'gru', layers: 1, embeddingSize: 0 },
  { cell: 'rnn', layers: 2, embeddingSize: 8 },
  { cell: 'lstm', layers: 2, embeddingSize: 8 },
  { cell: 'gru', layers: 2, embeddingSize: 8 },
];

for (const overrides of CASES) {
  test(`gradients match finite differences: ${overrides.cell}, ${overrides.layers} layer(s), ${overrides.embeddingSize ? 'embedding' : 'one-hot'}`, async () => {
    await useBackend('cpu');
    const model = tinyModel(overrides);
    const batch = randomBatch(model.vocabSize, 3, 5);
    const { loss, grads, state } = model.computeGradients(batch);
    assert.ok(Math.abs(loss.dataSync()[0] - meanNLL(model, batch)) < 1e-5, 'loss of computeGradients equals the scored loss');
    const params = model.parameters();
    const rng = new Rng(7);
    const eps = 1e-2;
    for (const p of params) {
      const analytic = grads.get(p.name)?.dataSync();
      assert.ok(analytic, `gradient for ${p.name}`);
      for (let k = 0; k < 5; k++) {
        const i = rng.int(p.values.length);
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
    state.forEach(({ h, c }) => { h.dispose(); c?.dispose(); });
    model.dispose();
  });
}
