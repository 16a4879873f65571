/**
 * Browser entry of `npm run bench:train` (bundled by scripts/bench-train.ts with esbuild, served
 * with COOP/COEP next to tfjs' .wasm files and the tiny-shakespeare train split as /train.txt).
 *
 * Both sides train the headline configuration (makeConfig defaults: LSTM-128, 1 layer, seq 40,
 * batch 128, Adam 0.01, one-hot input) on the same sequence of batches (two Trainers with the
 * same seed draw identical random windows):
 *   engine  lib/engine CharRNN through Trainer.stepAsync() (on webgpu: its fused WGSL path, lib/engine/gpu)
 *   opByOp  the same, with kernelPath "op-by-op" (what the engine ran on webgpu before the fused path)
 *   layers  tf.sequential: lstm(128, sigmoid gates, Glorot-uniform kernels, returnSequences) → dense(V, softmax) on every
 *           step, categorical cross-entropy, tf.train.adam(0.01) with the engine's β1/β2/ε,
 *           model.trainOnBatch (one-hot x and y built from the batch inside the step).
 * The engine also clips the global gradient norm (5); tf.layers in tfjs has no clipnorm.
 * Backend activation follows app/training/backends.ts.
 */
import * as tf from "@tensorflow/tfjs";
import { getThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import "@tensorflow/tfjs-backend-webgpu";
import { CELL_KINDS, CharRNN, Trainer, buildVocabulary, encode, makeConfig, type CharRNNConfig, type TokenBatch } from "../../lib/engine";
import { ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON } from "../../lib/engine/optimizer";
import { configureWasmBuild, startWasm, threadsAvailable } from "../../app/training/wasmThreads";
import type { BackendInfo, BenchTrainApi, DispatchCount, StepResult, TrainBackend, TrainSide } from "./trainTypes";

setWasmPaths("/tfjs/");
// As in the app: the threaded build where it can get 2+ threads, its pthread workers loading the unbundled factory script.
configureWasmBuild();

const config: CharRNNConfig = makeConfig({});

interface Corpus {
  ids: Int32Array;
  vocabSize: number;
  text: string;
}
let corpus: Corpus | null = null;

async function loadCorpus(): Promise<Corpus> {
  if (corpus === null) {
    const response = await fetch("/train.txt");
    if (!response.ok) throw new Error(`/train.txt: HTTP ${response.status}`);
    const text = await response.text();
    const vocab = buildVocabulary(text, config.maxVocab);
    corpus = { ids: encode(vocab, text), vocabSize: vocab.chars.length, text };
  }
  return corpus;
}

function need(): Corpus {
  if (corpus === null) throw new Error("init() first");
  return corpus;
}

/** A Trainer used only as the seeded batch source (nextBatch reads nothing but the model's config). */
function batchSource(model: CharRNN): Trainer {
  const { ids } = need();
  return new Trainer(model, ids, ids.subarray(0, 10_000));
}

interface EngineRun {
  model: CharRNN;
  trainer: Trainer;
}
interface LayersRun {
  net: tf.Sequential;
  /** Holds the batch source's config; its tensors are not used. */
  shadow: CharRNN;
  batches: Trainer;
}
let engine: EngineRun | null = null;
let opByOp: EngineRun | null = null;
let layers: LayersRun | null = null;

function buildLayers(vocabSize: number): tf.Sequential {
  const net = tf.sequential();
  // Glorot-uniform recurrent kernel like the engine's (tf.layers' default, orthogonal, runs a QR
  // decomposition on the backend: over 30 s on software WebGL before the first batch).
  net.add(
    tf.layers.lstm({
      units: config.hiddenSize,
      returnSequences: true,
      recurrentActivation: "sigmoid",
      recurrentInitializer: "glorotUniform",
      inputShape: [config.seqLen, vocabSize],
    }),
  );
  net.add(tf.layers.dense({ units: vocabSize, activation: "softmax" }));
  net.compile({ optimizer: tf.train.adam(config.learningRate, ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON), loss: "categoricalCrossentropy" });
  return net;
}

async function layersStep(run: LayersRun, batch: TokenBatch, vocabSize: number): Promise<number> {
  const [x, y] = tf.tidy(() => {
    const shape: [number, number] = [batch.batchSize, config.seqLen];
    return [
      tf.oneHot(tf.tensor2d(batch.inputs, shape, "int32"), vocabSize).toFloat(),
      tf.oneHot(tf.tensor2d(batch.targets, shape, "int32"), vocabSize).toFloat(),
    ];
  });
  try {
    const loss = await run.net.trainOnBatch(x, y);
    return Array.isArray(loss) ? loss[0] : loss;
  } finally {
    tf.dispose([x, y]);
  }
}

async function activate(backend: TrainBackend): Promise<boolean> {
  try {
    return (await tf.setBackend(backend)) && tf.getBackend() === backend;
  } catch {
    return false;
  }
}

const api: BenchTrainApi = {
  async init(backend: TrainBackend, threads: number): Promise<BackendInfo> {
    const { vocabSize, text } = await loadCorpus();
    // Start on cpu so tfjs does not first initialise its highest-priority backend (webgpu).
    if (!(await activate("cpu"))) throw new Error("the cpu backend failed to start");
    if (backend === "wasm" && threads > 1 && !(await threadsAvailable())) throw new Error("no threaded WASM here (not cross-origin isolated?)");
    const started = backend === "wasm" ? await startWasm(threads) : await activate(backend);
    if (!started) throw new Error(backend === "webgpu" ? "did not initialise (no WebGPU adapter?)" : "did not initialise");
    await tf.ready();
    return {
      threads: backend === "wasm" ? getThreadsCount() : 1,
      active: tf.getBackend(),
      floatPrecision: tf.backend().floatPrecision(),
      crossOriginIsolated: self.crossOriginIsolated,
      vocabSize,
      trainChars: text.length,
      charsPerStep: config.batchSize * config.seqLen,
    };
  },

  start(side: TrainSide): void {
    const { vocabSize } = need();
    if (side === "engine") {
      engine?.model.dispose();
      const model = CharRNN.create(config, vocabSize);
      engine = { model, trainer: batchSource(model) };
    } else if (side === "opByOp") {
      opByOp?.model.dispose();
      const model = CharRNN.create(config, vocabSize);
      model.kernelPath = "op-by-op";
      opByOp = { model, trainer: batchSource(model) };
    } else {
      layers?.net.dispose();
      layers?.shadow.dispose();
      const shadow = CharRNN.create(config, vocabSize);
      layers = { net: buildLayers(vocabSize), shadow, batches: batchSource(shadow) };
    }
  },

  async dispatches(): Promise<Record<string, DispatchCount>> {
    const { ids, vocabSize } = need();
    /** Registered kernels in one training step with windows of seqLen (after a first step: shader compilation, prepared weights). */
    const count = async (cell: CharRNNConfig["cell"], seqLen: number): Promise<number> => {
      // Kernels per step do not depend on the batch size: a small batch keeps software GPUs quick.
      const model = CharRNN.create({ ...config, cell, batchSize: 8, seqLen }, vocabSize);
      const trainer = new Trainer(model, ids, ids.subarray(0, 10_000));
      await trainer.stepAsync();
      const backend = tf.getBackend();
      const profile = await tf.profile(async () => {
        await trainer.stepAsync();
      });
      trainer.dispose();
      model.dispose();
      // Registered kernels only: tf.profile also lists op wrappers (e.g. fusedMatMul__op) around them.
      return profile.kernels.filter((k) => tf.getKernel(k.name, backend) !== undefined).length;
    };
    const counts: Record<string, DispatchCount> = {};
    for (const cell of CELL_KINDS) {
      const perStep = await count(cell, config.seqLen);
      const half = await count(cell, config.seqLen / 2);
      counts[cell] = { perStep, perTimeStep: Math.round(((perStep - half) / (config.seqLen / 2)) * 10) / 10 };
    }
    return counts;
  },

  async step(side: TrainSide): Promise<StepResult> {
    const { vocabSize } = need();
    if (side === "engine" || side === "opByOp") {
      const run = side === "engine" ? engine : opByOp;
      if (run === null) throw new Error(`start('${side}') first`);
      const t0 = performance.now();
      const report = await run.trainer.stepAsync();
      return { ms: performance.now() - t0, loss: report.loss };
    }
    if (layers === null) throw new Error("start('layers') first");
    const t0 = performance.now();
    const batch = layers.batches.nextBatch();
    const loss = await layersStep(layers, batch, vocabSize);
    return { ms: performance.now() - t0, loss };
  },
};

window.benchTrain = api;
