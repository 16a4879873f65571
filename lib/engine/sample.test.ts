/** Sampling: seeded determinism, greedy limit, top-k, streaming, same text on cpu and wasm. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { chooseNext, generate, sample } from "./sample";
import { Rng } from "./rng";
import { CharRNN } from "./model";
import { buildVocabulary } from "./text";
import { tinyModel, useBackend } from "./test-support";

const vocab = buildVocabulary("the quick brown fox jumps over the lazy dog", 100);

test("chooseNext: temperature 0 is argmax, top-k limits the draw, the unknown token is never drawn", () => {
  const logits = [9, 1, 3, 2.5, -1, 0.5];
  const rng = new Rng(1);
  assert.equal(chooseNext(logits, 0, 0, rng), 2);
  const seen = new Set<number>();
  for (let i = 0; i < 2000; i++) seen.add(chooseNext(logits, 2, 2, rng));
  assert.deepEqual([...seen].sort(), [2, 3]);
  const all = new Set<number>();
  for (let i = 0; i < 5000; i++) all.add(chooseNext(logits, 2, 0, rng));
  assert.deepEqual([...all].sort(), [1, 2, 3, 4, 5]);
  for (let i = 0; i < 100; i++) assert.equal(chooseNext(logits, 0.01, 0, rng), 2);
});

test("chooseNext draws in proportion to softmax(logits / temperature)", () => {
  const logits = [0, Math.log(1), Math.log(3)];
  const rng = new Rng(5);
  let threes = 0;
  const n = 20000;
  for (let i = 0; i < n; i++) if (chooseNext(logits, 1, 0, rng) === 2) threes++;
  assert.ok(Math.abs(threes / n - 0.75) < 0.015, `p(2) = ${threes / n}`);
  let sharp = 0;
  for (let i = 0; i < n; i++) if (chooseNext(logits, 0.5, 0, rng) === 2) sharp++;
  assert.ok(Math.abs(sharp / n - 0.9) < 0.015, `p(2) at T=0.5 = ${sharp / n}`);
});

test("sampling is seeded, streams every character, and tends to argmax as temperature → 0", async () => {
  await useBackend("cpu");
  const model = tinyModel({ cell: "gru" }, vocab.chars.length);
  const streamed: string[] = [];
  const a = sample(model, vocab, { prime: "the ", length: 60, temperature: 1, seed: 9, onChar: (c) => streamed.push(c) });
  assert.equal(Array.from(a).length, 60);
  assert.equal(streamed.join(""), a);
  assert.equal(sample(model, vocab, { prime: "the ", length: 60, temperature: 1, seed: 9 }), a);
  assert.notEqual(sample(model, vocab, { prime: "the ", length: 60, temperature: 1, seed: 10 }), a);
  const greedy = sample(model, vocab, { prime: "the ", length: 40, temperature: 0 });
  assert.equal(sample(model, vocab, { prime: "the ", length: 40, temperature: 0.001, seed: 3 }), greedy);
  assert.equal(sample(model, vocab, { prime: "the ", length: 40, temperature: 1, topK: 1, seed: 4 }), greedy);
  const before = tf.memory().numTensors;
  const gen = generate(model, vocab, { length: 100 });
  gen.next();
  gen.return();
  assert.equal(tf.memory().numTensors, before, "stopping a generator early releases its state");
  model.dispose();
});

test("the same seed gives the same text on cpu and wasm", async () => {
  await useBackend("cpu");
  const cpuModel = tinyModel({ cell: "lstm", layers: 2 }, vocab.chars.length);
  const params = new Map(cpuModel.parameters().map((p) => [p.name, p.values] as const));
  const config = cpuModel.config;
  const onCpu = sample(cpuModel, vocab, { prime: "quick", length: 200, temperature: 0.8, seed: 21 });
  cpuModel.dispose();
  await useBackend("wasm");
  const wasmModel = CharRNN.fromParameters(config, vocab.chars.length, params);
  assert.equal(sample(wasmModel, vocab, { prime: "quick", length: 200, temperature: 0.8, seed: 21 }), onCpu);
  wasmModel.dispose();
});
