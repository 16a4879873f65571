/** Trainer: seeded reproducibility and the two batching modes. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { CharRNN } from "./model";
import { Trainer } from "./train";
import { makeConfig, type CharRNNConfig } from "./config";
import { useBackend } from "./test-support";

const ids = Int32Array.from({ length: 3000 }, (_, i) => (i * 7 + (i >> 3)) % 13);

function run(overrides: Partial<CharRNNConfig>, steps: number): number[] {
  const model = CharRNN.create(makeConfig({ hiddenSize: 16, seqLen: 10, batchSize: 4, layers: 2, dropout: 0.3, ...overrides }), 13);
  const trainer = new Trainer(model, ids, ids);
  const losses = Array.from({ length: steps }, () => trainer.step().loss);
  losses.push(trainer.validate().nats);
  trainer.dispose();
  model.dispose();
  return losses;
}

test("a seed reproduces a run exactly; another seed gives another run", async () => {
  await useBackend("cpu");
  const a = run({ seed: 5 }, 6);
  assert.deepEqual(run({ seed: 5 }, 6), a);
  assert.notDeepEqual(run({ seed: 6 }, 6), a);
  assert.deepEqual(run({ seed: 5, statefulWindows: true }, 6), run({ seed: 5, statefulWindows: true }, 6));
});

test("random windows: targets are the inputs shifted by one character", async () => {
  await useBackend("cpu");
  const model = CharRNN.create(makeConfig({ hiddenSize: 16, seqLen: 10, batchSize: 4 }), 13);
  const batch = new Trainer(model, ids, ids).nextBatch();
  for (let b = 0; b < 4; b++) {
    for (let t = 0; t < 9; t++) assert.equal(batch.targets[b * 10 + t], batch.inputs[b * 10 + t + 1]);
  }
  model.dispose();
});

test("stateful windows: each stream continues where its previous window ended", async () => {
  await useBackend("cpu");
  const model = CharRNN.create(makeConfig({ hiddenSize: 16, seqLen: 10, batchSize: 4, statefulWindows: true }), 13);
  const trainer = new Trainer(model, ids, ids);
  const first = trainer.nextBatch();
  const second = trainer.nextBatch();
  const streamLength = Math.floor((ids.length - 1) / 4);
  for (let b = 0; b < 4; b++) {
    assert.deepEqual([...first.inputs.subarray(b * 10, b * 10 + 10)], [...ids.subarray(b * streamLength, b * streamLength + 10)]);
    assert.deepEqual([...second.inputs.subarray(b * 10, b * 10 + 10)], [...ids.subarray(b * streamLength + 10, b * streamLength + 20)]);
  }
  trainer.dispose();
  model.dispose();
});

test("stepAsync trains exactly like step", async () => {
  await useBackend("cpu");
  const make = () => CharRNN.create(makeConfig({ hiddenSize: 16, seqLen: 10, batchSize: 4, statefulWindows: true, seed: 8 }), 13);
  const [syncModel, asyncModel] = [make(), make()];
  const [syncTrainer, asyncTrainer] = [new Trainer(syncModel, ids, ids), new Trainer(asyncModel, ids, ids)];
  for (let i = 0; i < 5; i++) {
    const a = syncTrainer.step();
    const b = await asyncTrainer.stepAsync();
    assert.deepEqual(b, a);
  }
  [syncTrainer, asyncTrainer].forEach((t) => t.dispose());
  [syncModel, asyncModel].forEach((m) => m.dispose());
});
