/**
 * F7/F8 with the real engine: ten students train a round on their shards of tiny-shakespeare; one
 * of them sends a poisoned update that passes the norm rule (all of its allowed norm on one output
 * bias). FedAvg's validation loss moves badly; the trimmed mean and the median hardly move.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, describe, it } from "node:test";
import { CharRNN, buildVocabulary, encode, evaluateText, makeConfig, parameterSpecs, splitCorpus } from "../engine";
import { useBackend } from "../engine/test-support";
import { combine, deltaNorm, screenUpdates, type Update } from "./combine";
import { trainLocalRound } from "./local";
import { assignShards, shardText } from "./shards";
import { modelFromVector, modelVector } from "./vectors";

const text = readFileSync(new URL("../../server/corpora/tinyshakespeare.txt", import.meta.url), "utf8").slice(0, 120_000);
const split = splitCorpus(text);
const config = makeConfig({ hiddenSize: 32, seqLen: 16, batchSize: 16, learningRate: 0.01 });
const vocabulary = buildVocabulary(split.train, config.maxVocab);
const validationIds = encode(vocabulary, split.validation);

function valLoss(values: Float32Array): number {
  const model = modelFromVector(config, vocabulary.chars.length, values);
  try {
    return evaluateText(model, validationIds.subarray(0, 4_000)).nats;
  } finally {
    model.dispose();
  }
}

describe("F7/F8 one poisoned update among ten", () => {
  let base: Float32Array;
  let honest: Update[];
  before(async () => {
    await useBackend("cpu");
    const init = CharRNN.create(config, vocabulary.chars.length);
    base = modelVector(init);
    init.dispose();
    const students = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const shards = assignShards(new Map(), students);
    honest = students.map((id) => {
      const shard = shards.get(id)!;
      const result = trainLocalRound({
        config,
        vocabulary,
        base,
        round: 0,
        shardStart: shard.start,
        shardIds: encode(vocabulary, shardText(split.train, shard)),
        validationIds,
        steps: 8,
      });
      return { id, values: result.values, chars: result.stepsDone * config.batchSize * config.seqLen };
    });
  });

  it("F8 the robust combiners resist what FedAvg does not", () => {
    // The poison: 3.5× the median honest norm (under F7's 4×), all of it on the bias of the space character's logit.
    const norms = honest.map((u) => deltaNorm(u.values, base)).sort((a, b) => a - b);
    const poisoned = new Float32Array(base);
    const specs = parameterSpecs(config, vocabulary.chars.length);
    const biasStart = base.length - specs.at(-1)!.shape[0];
    poisoned[biasStart + vocabulary.index.get(" ")!] -= 3.5 * norms[5];
    const updates = [...honest.slice(0, 9), { id: "poison", values: poisoned, chars: honest[9].chars }];
    assert.equal(screenUpdates(base, updates).refused.length, 0, "the poison passes the norm rule: the combiner must handle it");

    const clean = valLoss(combine("fedavg", base, honest.slice(0, 9)).values);
    const moved = (combiner: "fedavg" | "trimmedMean" | "median") => valLoss(combine(combiner, base, updates).values) - clean;
    const fedavg = moved("fedavg");
    const trimmed = moved("trimmedMean");
    const median = moved("median");
    console.log(JSON.stringify({ clean, fedavg, trimmed, median }));
    assert.ok(fedavg > 0.1, `FedAvg moved by ${fedavg} nats`);
    assert.ok(Math.abs(trimmed) < fedavg / 5, `trimmed mean moved by ${trimmed} nats (FedAvg ${fedavg})`);
    assert.ok(Math.abs(median) < fedavg / 5, `median moved by ${median} nats (FedAvg ${fedavg})`);
  });

  it("F8 the honest average learned: its validation loss is below the starting model's", () => {
    assert.ok(valLoss(combine("fedavg", base, honest).values) < valLoss(base) - 0.3);
  });
});
