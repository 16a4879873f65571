/**
 * Choosing the tfjs backend for a run, by measurement rather than a fixed order
 * (../shared/SETUP-NOTES.md: on a school laptop with a GPU WebGPU/WebGL win; on software GPUs
 * WASM does). Each candidate that initialises is checked for float32 accuracy — its loss on a
 * fixed probe batch must match the CPU backend's — and timed on a few real training steps of
 * this run's model. The fastest accurate one wins; the student may override the choice.
 */
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import "@tensorflow/tfjs-backend-webgpu";
import { CharRNN, disposeState, type CharRNNConfig, type TokenBatch } from "../../lib/engine";
import type { BackendChoice, BackendName, BackendTrial } from "./messages";
import { BACKENDS } from "./messages";

setWasmPaths("/tfjs/");
// tfjs-wasm's threaded build starts its pthread workers from a blob of its own (minified) source,
// which the production bundle breaks ("n is not defined"): use the single-threaded SIMD build.
tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);

/** A probe loss further than this from the CPU's means the backend's arithmetic is not float32. */
const ACCURACY_TOLERANCE = 1e-3;
/** A backend whose first step takes longer than this is not timed further (ms). */
const SLOW_STEP_MS = 4_000;
/** Steps timed per candidate, after one warm-up step (compilation). */
const TIMED_STEPS = 2;

async function activate(backend: BackendName): Promise<boolean> {
  try {
    return (await tf.setBackend(backend)) && tf.getBackend() === backend;
  } catch {
    return false;
  }
}

/**
 * Starts on the CPU backend. tfjs would otherwise initialise its highest-priority backend (WebGPU)
 * on first use, which can take long or hang on a software adapter before any choice is made.
 */
export async function startOnCpu(): Promise<void> {
  if (!(await activate("cpu"))) throw new Error("the CPU backend failed to start");
}

/** Loss of the freshly initialised (seeded) model on the probe batch, forward only. */
function probeLoss(config: CharRNNConfig, vocabSize: number, batch: TokenBatch): number {
  const model = CharRNN.create(config, vocabSize);
  try {
    const { logProbs, state } = model.score(batch);
    disposeState(state);
    let total = 0;
    for (const lp of logProbs) total -= lp;
    return total / logProbs.length;
  } finally {
    model.dispose();
  }
}

async function timeSteps(config: CharRNNConfig, vocabSize: number, batch: TokenBatch): Promise<number> {
  const model = CharRNN.create(config, vocabSize);
  try {
    let start = performance.now();
    await model.trainStepAsync(batch);
    if (performance.now() - start > SLOW_STEP_MS) return ((batch.batchSize * config.seqLen) / (performance.now() - start)) * 1000;
    start = performance.now();
    for (let i = 0; i < TIMED_STEPS; i++) await model.trainStepAsync(batch);
    return ((batch.batchSize * config.seqLen * TIMED_STEPS) / (performance.now() - start)) * 1000;
  } finally {
    model.dispose();
  }
}

/**
 * Picks and activates a backend. `batch` is a real training batch of this run (for timing);
 * `probe` a small fixed one (for the accuracy check).
 */
export async function chooseBackend(choice: BackendChoice, config: CharRNNConfig, vocabSize: number, batch: TokenBatch, probe: TokenBatch): Promise<{ backend: BackendName; trials: BackendTrial[] }> {
  await startOnCpu();
  const reference = probeLoss(config, vocabSize, probe);
  const trials: BackendTrial[] = [];
  const candidates = choice === "auto" ? BACKENDS : [choice];
  for (const backend of candidates) {
    if (!(await activate(backend))) {
      trials.push({ backend, status: "unavailable", detail: backend === "webgpu" ? "no WebGPU adapter" : "did not initialise" });
      continue;
    }
    try {
      if (tf.backend().floatPrecision() === 16) {
        trials.push({ backend, status: "inaccurate", detail: "16-bit floats" });
        continue;
      }
      const loss = probeLoss(config, vocabSize, probe);
      if (!(Math.abs(loss - reference) <= ACCURACY_TOLERANCE)) {
        trials.push({ backend, status: "inaccurate", detail: `probe loss ${loss.toFixed(4)} vs CPU ${reference.toFixed(4)}` });
        continue;
      }
      // The CPU backend is the slowest wherever another works: time it only when it is alone.
      const charsPerSec = backend === "cpu" && trials.some((t) => t.status === "ok") ? 0 : await timeSteps(config, vocabSize, batch);
      trials.push({ backend, status: "ok", charsPerSec });
    } catch (error) {
      trials.push({ backend, status: "failed", detail: error instanceof Error ? error.message : String(error) });
    }
  }
  const usable = trials.filter((t) => t.status === "ok");
  if (usable.length === 0) throw new Error(`no usable backend: ${trials.map((t) => `${t.backend} ${t.status}`).join(", ")}`);
  const best = usable.reduce((a, b) => ((b.charsPerSec ?? 0) > (a.charsPerSec ?? 0) ? b : a));
  best.status = "chosen";
  await activate(best.backend);
  return { backend: best.backend, trials };
}
