/** Configuration schema bounds and the stable configuration hash. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_CONFIG, charRNNConfigSchema, configHash, makeConfig } from "./config";

test("the defaults are the lecture classic and valid", () => {
  assert.deepEqual(charRNNConfigSchema.parse(DEFAULT_CONFIG), DEFAULT_CONFIG);
  assert.equal(DEFAULT_CONFIG.cell, "lstm");
  assert.equal(DEFAULT_CONFIG.hiddenSize, 128);
  assert.equal(DEFAULT_CONFIG.seqLen, 40);
  assert.equal(DEFAULT_CONFIG.batchSize, 128);
  assert.equal(DEFAULT_CONFIG.learningRate, 0.01);
});

test("out-of-bounds and unknown fields are rejected", () => {
  const bad: Record<string, unknown>[] = [
    { layers: 4 },
    { hiddenSize: 8 },
    { hiddenSize: 513 },
    { embeddingSize: 4 },
    { embeddingSize: 300 },
    { seqLen: 201 },
    { batchSize: 0 },
    { learningRate: 0.5 },
    { clipNorm: 0.05 },
    { dropout: 0.6 },
    { maxVocab: 31 },
    { seed: 1.5 },
    { cell: "transformer" },
    { extra: 1 },
  ];
  for (const overrides of bad) assert.equal(charRNNConfigSchema.safeParse({ ...DEFAULT_CONFIG, ...overrides }).success, false, JSON.stringify(overrides));
  assert.ok(charRNNConfigSchema.safeParse({ ...DEFAULT_CONFIG, embeddingSize: 0, clipNorm: 0 }).success);
});

test("configHash is stable, independent of key order, and changes with any field", () => {
  const a = makeConfig({});
  const reordered = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
  assert.match(configHash(a), /^[0-9a-f]{16}$/);
  assert.equal(configHash(reordered), configHash(a));
  assert.notEqual(configHash(makeConfig({ seed: 43 })), configHash(a));
  assert.notEqual(configHash(makeConfig({ cell: "gru" })), configHash(a));
  assert.equal(configHash(a), configHash(makeConfig({})));
});
