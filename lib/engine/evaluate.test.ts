/** Evaluation: deterministic, the same on cpu and wasm to 1e-4, and it ranks a trained model above an untrained one. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readBundledCorpus } from "../../test/helpers/corpora";
import { CharRNN, disposeState } from "./model";
import { Trainer } from "./train";
import { evaluateText } from "./evaluate";
import { makeConfig } from "./config";
import { buildVocabulary, encode, splitCorpus } from "./text";
import { meanNLL, useBackend } from "./test-support";

const split = splitCorpus(readBundledCorpus("nietzsche"));
const vocab = buildVocabulary(split.train, 2000);
const train = encode(vocab, split.train);
const heldOut = encode(vocab, split.test).subarray(0, 4000);
const config = makeConfig({ cell: "lstm", layers: 2, hiddenSize: 64, batchSize: 32, seqLen: 32 });

test("evaluation is deterministic, equal on cpu and wasm, and prefers a trained model", async () => {
  await useBackend("wasm");
  const untrained = CharRNN.create(config, vocab.chars.length);
  const trained = CharRNN.create(config, vocab.chars.length);
  const trainer = new Trainer(trained, train, heldOut);
  for (let i = 0; i < 60; i++) trainer.step();
  trainer.dispose();
  const onWasm = evaluateText(trained, heldOut);
  assert.deepEqual(evaluateText(trained, heldOut), onWasm);
  const baseline = evaluateText(untrained, heldOut);
  assert.equal(onWasm.chars, heldOut.length - 1);
  assert.ok(onWasm.nats < baseline.nats - 0.5, `trained ${onWasm.nats} vs untrained ${baseline.nats}`);
  assert.ok(Math.abs(onWasm.bitsPerChar - onWasm.nats / Math.LN2) < 1e-12);

  const params = new Map(trained.parameters().map((p) => [p.name, p.values] as const));
  trained.dispose();
  untrained.dispose();
  await useBackend("cpu");
  const onCpuModel = CharRNN.fromParameters(config, vocab.chars.length, params);
  const onCpu = evaluateText(onCpuModel, heldOut);
  assert.ok(Math.abs(onCpu.nats - onWasm.nats) < 1e-4, `cpu ${onCpu.nats} vs wasm ${onWasm.nats}`);
  onCpuModel.dispose();
});

test("state is carried across windows: the window length does not change the score", async () => {
  await useBackend("cpu");
  const model = CharRNN.create(makeConfig({ cell: "gru", hiddenSize: 32 }), vocab.chars.length);
  const text = heldOut.subarray(0, 601);
  const one = evaluateText(model, text, { windowLen: 600, streams: 1 });
  const many = evaluateText(model, text, { windowLen: 7, streams: 1 });
  assert.ok(Math.abs(one.nats - many.nats) < 1e-5, `${one.nats} vs ${many.nats}`);
  // one stream over the whole text equals scoring it as a single window
  const single = meanNLL(model, { inputs: text.subarray(0, 600), targets: text.subarray(1, 601), batchSize: 1 });
  assert.ok(Math.abs(single - one.nats) < 1e-5);
  // streams that do not divide the text evenly still score every character exactly once
  const uneven = evaluateText(model, text, { windowLen: 50, streams: 7 });
  assert.equal(uneven.chars, 600);
  const { state } = model.score({ inputs: text.subarray(0, 1), targets: text.subarray(1, 2), batchSize: 1 });
  disposeState(state);
  model.dispose();
});
