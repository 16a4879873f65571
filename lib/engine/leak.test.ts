/** No tensor leaks: the tensor count after 1,000 steps equals the count after 10. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { CharRNN } from "./model";
import { Trainer } from "./train";
import { makeConfig, type CharRNNConfig } from "./config";
import { evaluateText } from "./evaluate";
import { sample } from "./sample";
import { buildVocabulary, encode } from "./text";
import { useBackend } from "./test-support";

const text = "to be, or not to be, that is the question: ".repeat(30);
const vocab = buildVocabulary(text, 64);
const ids = encode(vocab, text);

for (const overrides of [
  { cell: "lstm", layers: 2, dropout: 0.2, clipNorm: 1 },
  { cell: "gru", layers: 1, embeddingSize: 8, statefulWindows: true },
] as Partial<CharRNNConfig>[]) {
  test(`no tensor leak over 1,000 training steps (${JSON.stringify(overrides)})`, async () => {
    await useBackend("wasm");
    const model = CharRNN.create(makeConfig({ hiddenSize: 16, seqLen: 8, batchSize: 4, ...overrides }), vocab.chars.length);
    const trainer = new Trainer(model, ids, ids, { validationWindows: 4 });
    const counts: number[] = [];
    for (let i = 1; i <= 1000; i++) {
      trainer.step();
      if (i === 10 || i === 1000) counts.push(tf.memory().numTensors);
      if (i % 100 === 0) {
        trainer.validate();
        evaluateText(model, ids.subarray(0, 100));
        sample(model, vocab, { length: 5 });
      }
    }
    assert.equal(counts[1], counts[0], `tensors after 10 steps: ${counts[0]}, after 1000: ${counts[1]}`);
    trainer.dispose();
    model.dispose();
  });
}

test("dispose releases every tensor a model created", async () => {
  await useBackend("cpu");
  const before = tf.memory().numTensors;
  const model = CharRNN.create(makeConfig({ hiddenSize: 16, seqLen: 8, batchSize: 2, layers: 3 }), vocab.chars.length);
  const trainer = new Trainer(model, ids, ids);
  trainer.step();
  trainer.dispose();
  model.dispose();
  assert.equal(tf.memory().numTensors, before);
});
