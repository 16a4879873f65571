/**
 * The evaluation pool (server/evaluation): real worker threads running lib/leaderboard/score.ts on
 * tfjs wasm. Deterministic, equal to the engine's own loss, prefers a trained model, fair across
 * students, and a job over its time limit is stopped without stopping the pool.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { decodeWeights } from "../../lib/engine/decodeWeights";
import { encode } from "../../lib/engine/text";
import { evaluateText } from "../../lib/engine/evaluate";
import { evaluationWindow } from "../../lib/leaderboard/score";
import { meanNLL } from "../../lib/engine/test-support";
import { EvaluationFailed, EvaluationPool, type JobInput } from "../../server/evaluation/pool";
import { corpusSplit, engineReady, weightsFor } from "../helpers/leaderboard";
import { tinySpec } from "../helpers/training";

const config = tinySpec().config;
const material = async () => ({ train: corpusSplit().train, window: evaluationWindow(corpusSplit().test) });
const input = (weights: Uint8Array, text = "ROMEO: good night, good night"): JobInput => ({ weights, sample: { text, prime: "\n" } });

describe("evaluation in the worker pool", () => {
  let pool: EvaluationPool;
  let untrained: Uint8Array;
  let trained: Uint8Array;
  before(async () => {
    await engineReady();
    pool = new EvaluationPool({ size: 1, timeoutMs: 60_000 }, material);
    untrained = await weightsFor(config);
    trained = await weightsFor(config, { steps: 60 });
  });
  after(() => pool.close());

  it("is deterministic: the same weights give the same scores (1e-6) and the same temperature card", async () => {
    const first = await pool.run({ owner: "a", corpusKey: "shakespeare", start: async () => input(trained) });
    const second = await pool.run({ owner: "b", corpusKey: "shakespeare", start: async () => input(trained) });
    assert.ok(Math.abs(first.publicBpc - second.publicBpc) < 1e-6);
    assert.ok(Math.abs(first.privateBpc - second.privateBpc) < 1e-6);
    assert.deepEqual(first.temperatureCard, second.temperatureCard);
    assert.deepEqual(
      first.temperatureCard.map((c) => c.temperature),
      [0.2, 0.5, 1.0, 1.2],
    );
    assert.equal(pool.backend, "wasm");
  });

  it("equals the engine's own evaluation of the same text (cpu backend, in this thread) to 1e-4", async () => {
    const result = await pool.run({ owner: "a", corpusKey: "shakespeare", start: async () => input(trained) });
    const { model, vocabulary } = decodeWeights(trained);
    const ids = encode(vocabulary, evaluationWindow(corpusSplit().test));
    const half = ids.subarray(0, Math.floor(ids.length / 2));
    const own = evaluateText(model, half).bitsPerChar;
    // and the streams only cut the text: one sequential pass gives nearly the same figure
    const sequential = meanNLL(model, { inputs: half.subarray(0, half.length - 1), targets: half.subarray(1), batchSize: 1 }) / Math.LN2;
    model.dispose();
    assert.ok(Math.abs(result.publicBpc - own) < 1e-4, `${result.publicBpc} vs ${own}`);
    assert.ok(Math.abs(result.publicBpc - sequential) < 0.01, `${result.publicBpc} vs ${sequential}`);
  });

  it("scores a model trained longer better than an untrained one", async () => {
    const [a, b] = await Promise.all([untrained, trained].map((w) => pool.run({ owner: "x", corpusKey: "shakespeare", start: async () => input(w) })));
    assert.ok(b.publicBpc < a.publicBpc - 0.3, `trained ${b.publicBpc} vs untrained ${a.publicBpc}`);
    assert.ok(b.privateBpc < a.privateBpc - 0.3);
  });

  it("novelty: 0 for a pasted training excerpt, high for random characters", async () => {
    const excerpt = corpusSplit().train.slice(5_000, 5_400);
    const copied = await pool.run({ owner: "a", corpusKey: "shakespeare", start: async () => input(trained, excerpt) });
    assert.equal(copied.novelty, 0);
    const random = await pool.run({ owner: "a", corpusKey: "shakespeare", start: async () => input(trained, "qzxj vbkw pfmq xzjq wvbk zqxj") });
    assert.ok((random.novelty ?? 0) > 0.9);
  });

  it("serves students round-robin: one student's queue does not hold back another's", async () => {
    const order: string[] = [];
    const job = (owner: string, n: number) =>
      pool.run({ owner, corpusKey: "shakespeare", start: async () => input(untrained) }).then(() => order.push(`${owner}${n}`));
    await Promise.all([job("a", 1), job("a", 2), job("a", 3), job("a", 4), job("b", 1), job("c", 1)]);
    assert.ok(order.indexOf("b1") < order.indexOf("a3") && order.indexOf("c1") < order.indexOf("a4"), order.join(" "));
  });

  it("stops a job over its time limit with TIMEOUT, and the pool keeps working", async () => {
    const hasty = new EvaluationPool({ size: 1, timeoutMs: 1 }, material);
    try {
      await assert.rejects(
        hasty.run({ owner: "a", corpusKey: "shakespeare", start: async () => input(trained) }),
        (e: unknown) => e instanceof EvaluationFailed && e.code === "TIMEOUT",
      );
    } finally {
      await hasty.close();
    }
    const ok = await pool.run({ owner: "a", corpusKey: "shakespeare", start: async () => input(trained) });
    assert.ok(Number.isFinite(ok.publicBpc));
  });

  it("reports a file that cannot be scored with its reason", async () => {
    const broken = trained.slice(0, 100);
    await assert.rejects(
      pool.run({ owner: "a", corpusKey: "shakespeare", start: async () => input(broken) }),
      (e: unknown) => e instanceof EvaluationFailed && e.code === "TRUNCATED",
    );
  });
});
