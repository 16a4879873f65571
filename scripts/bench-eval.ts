/**
 * Benchmark: evaluation time and training throughput of the char-RNN engine (Node, in-process).
 *
 *   npm run bench:eval
 *
 * 1. evaluateText over a 20,000-character window of tiny-shakespeare's validation split,
 *    LSTM-128 with 1 and 2 layers, on wasm and cpu (median of 3 runs).
 * 2. Training throughput, LSTM-128 / seq 40 / batch 128 / Adam 0.01, on wasm, in input
 *    characters per second (B·T per step), median of several steps after warm-up:
 *    this engine vs the equivalent tf.layers model (same math: lstm with sigmoid gates and
 *    returnSequences, dense softmax on every step, trainOnBatch) — the ratio reported.
 *    For reference also the tfjs-examples lstm-text-generation shape (tf.layers defaults,
 *    hardSigmoid gates, one prediction per window), which learns from 40× fewer targets,
 *    and the engine on the Korean corpus's vocabulary (≈1,500 characters) with a 64-wide embedding.
 * 3. The server's evaluation pool (server/evaluation): whole submission scoring jobs (public + private
 *    halves of a 20,000-character test window, the sample's bits/char, the temperature card) in
 *    worker threads, LSTM-128 with 1 and 2 layers, on wasm and cpu (median of a few jobs, as the
 *    worker measures them); then the main thread's event-loop lag (p99) while 30 submissions
 *    are scored by the pool at its production size.
 * Prints a table, the engine's JSON line, and ends with one JSON line for the pool:
 *   {"layers":1,"backend":"wasm","evalMedianMs":…,"loopLagP99Ms":…}
 */
import * as tf from "@tensorflow/tfjs";
import { readBundledCorpus } from "../test/helpers/corpora";
import { CharRNN, buildVocabulary, encode, evaluateText, makeConfig, splitCorpus, type TokenBatch } from "../lib/engine";
import { useBackend } from "../lib/engine/test-support";
import { Rng } from "../lib/engine/rng";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { encodeWeights } from "../lib/engine/weights";
import { evaluationWindow } from "../lib/leaderboard/score";
import { EvaluationPool } from "../server/evaluation/pool";
import type { EvalBackend } from "../server/evaluation/messages";
import { EVAL_POOL_SIZE } from "../server/limits";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const split = splitCorpus(readBundledCorpus("tinyshakespeare"));
const vocab = buildVocabulary(split.train, 2000);
const V = vocab.chars.length;
const window = encode(vocab, split.validation).subarray(0, 20_001);

async function evalMs(backend: "cpu" | "wasm", layers: number, runs = 3): Promise<number> {
  await useBackend(backend);
  const model = CharRNN.create(makeConfig({ layers }), V);
  evaluateText(model, window.subarray(0, 2000)); // warm-up
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    evaluateText(model, window);
    times.push(performance.now() - t0);
  }
  model.dispose();
  return median(times);
}

function randomBatch(B: number, T: number): TokenBatch {
  const rng = new Rng(1);
  const ids = encode(vocab, split.train);
  const inputs = new Int32Array(B * T);
  const targets = new Int32Array(B * T);
  for (let b = 0; b < B; b++) {
    const start = rng.int(ids.length - T - 1);
    inputs.set(ids.subarray(start, start + T), b * T);
    targets.set(ids.subarray(start + 1, start + T + 1), b * T);
  }
  return { inputs, targets, batchSize: B };
}

async function engineStepMs(cell: "rnn" | "lstm" | "gru", steps = 9, vocabSize = V, embeddingSize = 0): Promise<number> {
  await useBackend("wasm");
  const config = makeConfig({ cell, embeddingSize });
  const model = CharRNN.create(config, vocabSize);
  const batch = randomBatch(config.batchSize, config.seqLen);
  if (vocabSize !== V) batch.inputs.forEach((id, i) => (batch.inputs[i] = batch.targets[i] = (id * 23 + i) % vocabSize));
  model.trainStep(batch);
  model.trainStep(batch);
  const times: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    model.trainStep(batch);
    times.push(performance.now() - t0);
  }
  model.dispose();
  return median(times);
}

async function layersStepMs(style: "equivalent" | "tfjs-examples", steps = 3): Promise<number> {
  await useBackend("wasm");
  const { seqLen: T, batchSize: B, hiddenSize: H, learningRate } = makeConfig({});
  const equivalent = style === "equivalent";
  const net = tf.sequential();
  net.add(tf.layers.lstm({ units: H, returnSequences: equivalent, inputShape: [T, V], ...(equivalent ? { recurrentActivation: "sigmoid" } : {}) }));
  net.add(tf.layers.dense({ units: V, activation: "softmax" }));
  net.compile({ optimizer: tf.train.adam(learningRate), loss: "categoricalCrossentropy" });
  const batch = randomBatch(B, T);
  const x = tf.oneHot(tf.tensor2d(batch.inputs, [B, T], "int32"), V).toFloat();
  const targets = equivalent
    ? tf.tensor2d(batch.targets, [B, T], "int32")
    : tf.tensor1d(
        batch.targets.filter((_, i) => i % T === T - 1),
        "int32",
      );
  const y = tf.oneHot(targets, V).toFloat();
  targets.dispose();
  await net.trainOnBatch(x, y);
  const times: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    await net.trainOnBatch(x, y);
    times.push(performance.now() - t0);
  }
  tf.dispose([x, y]);
  net.dispose();
  return median(times);
}

const evaluation: Record<string, number> = {};
for (const backend of ["wasm", "cpu"] as const) {
  for (const layers of [1, 2]) {
    const ms = await evalMs(backend, layers);
    evaluation[`${backend}_lstm128x${layers}_ms`] = Math.round(ms);
    console.log(`evaluate 20,000 chars  ${backend.padEnd(4)}  LSTM-128 × ${layers} layer(s): ${ms.toFixed(0)} ms`);
  }
}

const charsPerStep = makeConfig({}).batchSize * makeConfig({}).seqLen;
const training: Record<string, number> = {};
for (const cell of ["lstm", "gru", "rnn"] as const) {
  const ms = await engineStepMs(cell);
  training[`engine_${cell}_chars_per_s`] = Math.round((charsPerStep / ms) * 1000);
  console.log(
    `train (wasm) engine ${cell.toUpperCase().padEnd(4)}-128, seq 40, batch 128: ${ms.toFixed(0)} ms/step, ${training[`engine_${cell}_chars_per_s`]} chars/s`,
  );
}
const koreanV = buildVocabulary(splitCorpus(readBundledCorpus("korean-classics")).train, 2000).chars.length;
const koreanMs = await engineStepMs("lstm", 5, koreanV, 64);
training.engine_lstm_korean_vocab_emb64_chars_per_s = Math.round((charsPerStep / koreanMs) * 1000);
console.log(
  `train (wasm) engine LSTM-128, Korean vocabulary (V=${koreanV}), embedding 64: ${koreanMs.toFixed(0)} ms/step, ${training.engine_lstm_korean_vocab_emb64_chars_per_s} chars/s`,
);
const layersMs = await layersStepMs("equivalent");
training.tflayers_lstm_chars_per_s = Math.round((charsPerStep / layersMs) * 1000);
training.speedup_lstm = Number((training.engine_lstm_chars_per_s / training.tflayers_lstm_chars_per_s).toFixed(1));
console.log(
  `train (wasm) tf.layers LSTM-128 (equivalent model), seq 40, batch 128: ${layersMs.toFixed(0)} ms/step, ${training.tflayers_lstm_chars_per_s} chars/s`,
);
const examplesMs = await layersStepMs("tfjs-examples");
training.tflayers_examples_style_chars_per_s = Math.round((charsPerStep / examplesMs) * 1000);
console.log(
  `train (wasm) tf.layers LSTM-128 (tfjs-examples shape, reference): ${examplesMs.toFixed(0)} ms/step, ${training.tflayers_examples_style_chars_per_s} chars/s`,
);
console.log(`engine / equivalent tf.layers (LSTM, wasm): ${training.speedup_lstm}×`);
console.log(JSON.stringify({ bench: "eval", node: process.version, evaluate20k: evaluation, training }));

// ── 3. The evaluation pool (worker threads), as the server runs it ──────────────────────────
const material = { train: split.train, window: evaluationWindow(split.test) };
const SAMPLE = { text: "ROMEO:\nWhat light through yonder window breaks? It is the east.", prime: "\n" };
await useBackend("cpu");
const weightsOf = (layers: number) => {
  const model = CharRNN.create(makeConfig({ layers }), V);
  const bytes = encodeWeights(model, vocab);
  model.dispose();
  return bytes;
};

async function poolJobMs(backend: EvalBackend, layers: number, runs: number): Promise<number> {
  const pool = new EvaluationPool({ size: 1, timeoutMs: 600_000, backend }, async () => material);
  const weights = weightsOf(layers);
  try {
    const times: number[] = [];
    for (let r = 0; r < runs + 1; r++) {
      const result = await pool.run({ owner: "bench", corpusKey: "tinyshakespeare", start: async () => ({ weights, sample: SAMPLE }) });
      if (r > 0) times.push(result.ms); // the first job also starts the worker and warms its kernels
    }
    if (pool.backend !== backend) throw new Error(`pool ran on ${pool.backend}, not ${backend}`);
    return median(times);
  } finally {
    await pool.close();
  }
}

const poolFigures: Record<string, number> = {};
for (const backend of ["wasm", "cpu"] as const) {
  for (const layers of [1, 2]) {
    const ms = await poolJobMs(backend, layers, backend === "wasm" ? 3 : 1);
    poolFigures[`${backend}_lstm128x${layers}_job_ms`] = Math.round(ms);
    console.log(`pool job (20,000-char window + sample + temperature card) ${backend.padEnd(4)} LSTM-128 × ${layers}: ${ms.toFixed(0)} ms`);
  }
}

// 30 students' submissions at once, on the production pool size; the event loop must stay free.
const loadPool = new EvaluationPool({ size: EVAL_POOL_SIZE, timeoutMs: 600_000, backend: "wasm" }, async () => material);
const students = Array.from({ length: 30 }, (_, i) => i);
const files = students.map(() => weightsOf(1));
await loadPool.run({ owner: "warm", corpusKey: "tinyshakespeare", start: async () => ({ weights: files[0], sample: SAMPLE }) });
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const t0 = performance.now();
const jobTimes = await Promise.all(
  students.map((i) =>
    loadPool.run({ owner: `s${i}`, corpusKey: "tinyshakespeare", start: async () => ({ weights: files[i], sample: SAMPLE }) }).then((r) => r.ms),
  ),
);
const wallMs = performance.now() - t0;
lag.disable();
await loadPool.close();
const loopLagP99Ms = Number((lag.percentile(99) / 1e6).toFixed(1));
const evalMedianMs = Math.round(median(jobTimes));
console.log(
  `30 submissions on ${EVAL_POOL_SIZE} worker(s): ${(wallMs / 1000).toFixed(1)} s in all, median job ${evalMedianMs} ms, event-loop lag p99 ${loopLagP99Ms} ms (max ${(lag.max / 1e6).toFixed(1)} ms)`,
);
console.log(JSON.stringify({ bench: "eval-pool", pool: poolFigures, workers: EVAL_POOL_SIZE, thirtyWallMs: Math.round(wallMs) }));
console.log(JSON.stringify({ layers: 1, backend: "wasm", evalMedianMs, loopLagP99Ms }));
