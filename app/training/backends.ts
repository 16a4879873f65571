/**
 * Choosing the tfjs backend for a run, by measurement rather than a fixed order: on a school
 * laptop with a GPU, WebGPU/WebGL win; on a software GPU (Chromium's SwiftShader, measured: one
 * 128×192·192×512 matmul+sigmoid step ≈ 3 ms on WASM, 25 ms WebGL, 150 ms WebGPU) WASM does. Each candidate that initialises is checked for float32 accuracy — its loss on a
 * fixed probe batch must match the CPU backend's — and timed on a few real training steps of
 * this run's model, unless it is already known to be slower. The fastest accurate one wins; the
 * student may override the choice (even with an inaccurate backend, which is then flagged); an
 * overridden choice is checked but not timed.
 *
 * WASM runs its multi-threaded SIMD build where the page is cross-origin isolated and tfjs would
 * grant two threads or more (see wasmThreads.ts). Its thread count is chosen by measurement too: 1 thread first, then 2 and
 * cores − 1, each kept only when its step is clearly faster (THREADS_GAIN) than the best so far;
 * on a busy 2-core machine more threads can be slower. (tfjs itself caps XNNPACK at half the
 * logical cores, so a 2-core machine runs one thread and nothing more is tried.)
 */
import * as tf from "@tensorflow/tfjs";
import { getThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import "@tensorflow/tfjs-backend-webgpu";
import { CharRNN, disposeState, type CharRNNConfig, type TokenBatch } from "../../lib/engine";
import type { BackendChoice, BackendName, BackendReason, BackendTrial, ThreadTrial } from "./messages";
import { configureWasmBuild, grantableThreads, startWasm, threadsAvailable, wasmThreads } from "./wasmThreads";

setWasmPaths("/tfjs/");
configureWasmBuild();

/** A probe loss further than this from the CPU's means the backend's arithmetic is not float32. */
const ACCURACY_TOLERANCE = 1e-3;
/** The probe batch: a few short windows of a real batch (cheap even on a slow software GPU). */
const PROBE_WINDOWS = 4;
const PROBE_STEPS = 10;
/** A backend whose first step takes longer than this is not timed further (ms). */
const SLOW_STEP_MS = 4_000;
/** Steps timed per candidate, after one warm-up step (compilation). */
const TIMED_STEPS = 2;
/**
 * Candidates in the order they are tried: WASM first (it works everywhere and is quick to time),
 * so that its step time can rule out slower backends early; the CPU backend last.
 */
const PROBE_ORDER: readonly BackendName[] = ["wasm", "webgpu", "webgl", "cpu"];
/** More WASM threads are kept only when a step takes at most this fraction of the best time so far. */
const THREADS_GAIN = 0.9;

async function activate(backend: BackendName): Promise<boolean> {
  // WASM starts with one thread; chooseWasmThreads may restart it with more.
  if (backend === "wasm" && wasmThreads() === null) return startWasm(1);
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

function probeBatch(batch: TokenBatch, seqLen: number): TokenBatch {
  const windows = Math.min(PROBE_WINDOWS, batch.batchSize);
  const steps = Math.min(PROBE_STEPS, seqLen);
  const inputs = new Int32Array(windows * steps);
  const targets = new Int32Array(windows * steps);
  for (let w = 0; w < windows; w++) {
    inputs.set(batch.inputs.subarray(w * seqLen, w * seqLen + steps), w * steps);
    targets.set(batch.targets.subarray(w * seqLen, w * seqLen + steps), w * steps);
  }
  return { inputs, targets, batchSize: windows };
}

/** Loss of the freshly initialised (seeded) model on the probe batch, forward only, and how long that took. */
function probeLoss(config: CharRNNConfig, vocabSize: number, batch: TokenBatch): { loss: number; ms: number } {
  const model = CharRNN.create(config, vocabSize);
  try {
    const start = performance.now();
    const { logProbs, state } = model.score(batch);
    disposeState(state);
    let total = 0;
    for (const lp of logProbs) total -= lp;
    return { loss: total / logProbs.length, ms: performance.now() - start };
  } finally {
    model.dispose();
  }
}

/** Why the active backend's probe loss is not the CPU's, or null when it matches. */
function probeMismatch(config: CharRNNConfig, vocabSize: number, probe: TokenBatch, reference: number): BackendReason | null {
  const { loss } = probeLoss(config, vocabSize, probe);
  return Math.abs(loss - reference) <= ACCURACY_TOLERANCE ? null : { code: "probeMismatch", loss, cpuLoss: reference };
}

/** Milliseconds per training step of this run's model on the active backend. */
async function timeStep(config: CharRNNConfig, vocabSize: number, batch: TokenBatch): Promise<number> {
  const model = CharRNN.create(config, vocabSize);
  try {
    let start = performance.now();
    await model.trainStepAsync(batch);
    if (performance.now() - start > SLOW_STEP_MS) return performance.now() - start;
    start = performance.now();
    for (let i = 0; i < TIMED_STEPS; i++) await model.trainStepAsync(batch);
    return (performance.now() - start) / TIMED_STEPS;
  } finally {
    model.dispose();
  }
}

/**
 * WASM thread counts worth trying beyond 1: 2 and cores − 1, distinct, ascending, within what tfjs
 * grants (it caps XNNPACK at half the logical cores, assuming two hyper-threads per core).
 */
function threadCandidates(): number[] {
  const cores = typeof navigator === "undefined" ? 1 : (navigator.hardwareConcurrency ?? 1);
  const granted = grantableThreads();
  return [...new Set([2, Math.min(cores - 1, granted)])].filter((n) => n > 1 && n <= granted).sort((a, b) => a - b);
}

/**
 * Times WASM with more threads than one (its one-thread step took `oneThreadMs`) and leaves the
 * backend running with the fastest count; returns that count and its step time.
 */
async function chooseWasmThreads(
  config: CharRNNConfig,
  vocabSize: number,
  batch: TokenBatch,
  oneThreadMs: number,
): Promise<{ threads: number; stepMs: number; tried: ThreadTrial[] }> {
  let best = { threads: 1, stepMs: oneThreadMs };
  const tried: ThreadTrial[] = [best];
  if (!(await threadsAvailable())) return { ...best, tried: [...tried, { noThreads: true }] };
  let running = 1;
  for (const threads of threadCandidates()) {
    if (!(await startWasm(threads))) break;
    running = threads;
    if (getThreadsCount() !== threads) break; // not granted after all: nothing new to time
    const stepMs = await timeStep(config, vocabSize, batch);
    tried.push({ threads, stepMs });
    if (stepMs <= best.stepMs * THREADS_GAIN) best = { threads, stepMs };
  }
  if (running !== best.threads && !(await startWasm(best.threads))) throw new Error(`WASM did not restart with ${best.threads} thread(s)`);
  return { ...best, tried };
}

/**
 * Picks and activates a backend; `batch` is a real training batch of this run. A candidate's warm
 * probe forward pass (a few short windows; the first run compiled its kernels), scaled to the full
 * sequence length, is a lower bound on its training step: a step runs at least that forward on a
 * batch at least as large. A candidate whose bound already exceeds the best step measured so far
 * is not timed, so a software GPU costs seconds here, not a minute.
 */
export async function chooseBackend(
  choice: BackendChoice,
  config: CharRNNConfig,
  vocabSize: number,
  batch: TokenBatch,
): Promise<{ backend: BackendName; trials: BackendTrial[] }> {
  await startOnCpu();
  const probe = probeBatch(batch, config.seqLen);
  const reference = probeLoss(config, vocabSize, probe).loss;
  const trials: BackendTrial[] = [];
  let best: { backend: BackendName; stepMs: number } | null = null;
  for (const backend of choice === "auto" ? PROBE_ORDER : [choice]) {
    if (!(await activate(backend))) {
      trials.push({ backend, status: "unavailable", reason: { code: backend === "webgpu" ? "noAdapter" : "notStarted" } });
      continue;
    }
    try {
      const inaccuracy: BackendReason | null =
        tf.backend().floatPrecision() === 16 ? { code: "halfFloats" } : probeMismatch(config, vocabSize, probe, reference);
      if (choice !== "auto") {
        // The student's own choice is obeyed, with any warning shown; there is nothing to compare it
        // with, so nothing to time (the run's progress shows its speed).
        trials.push({ backend, status: "ok", ...(inaccuracy ? { reason: inaccuracy } : {}) });
        best = { backend, stepMs: 0 };
        continue;
      }
      if (inaccuracy) {
        trials.push({ backend, status: "inaccurate", reason: inaccuracy });
        continue;
      }
      // The CPU backend is the slowest wherever another works: time it only when it is alone.
      if (backend === "cpu" && best) {
        trials.push({ backend, status: "ok", reason: { code: "slowerThan", than: best.backend } });
        continue;
      }
      const leastStepMs = best ? probeLoss(config, vocabSize, probe).ms * (config.seqLen / (probe.inputs.length / probe.batchSize)) : 0;
      if (best && leastStepMs >= best.stepMs) {
        trials.push({
          backend,
          status: "ok",
          reason: { code: "slowerAtLeast", leastMs: leastStepMs, bestMs: best.stepMs, than: best.backend },
        });
        continue;
      }
      let stepMs = await timeStep(config, vocabSize, batch);
      let reason: BackendReason | undefined;
      if (backend === "wasm") {
        const threads = await chooseWasmThreads(config, vocabSize, batch, stepMs);
        stepMs = threads.stepMs;
        reason = { code: "threads", threads: threads.threads, tried: threads.tried };
      }
      trials.push({ backend, status: "ok", charsPerSec: ((batch.batchSize * config.seqLen) / stepMs) * 1000, ...(reason ? { reason } : {}) });
      if (!best || stepMs < best.stepMs) best = { backend, stepMs };
    } catch (error) {
      trials.push({ backend, status: "failed", reason: { code: "error", message: error instanceof Error ? error.message : String(error) } });
    }
  }
  if (!best) throw new Error(`no usable backend: ${trials.map((t) => `${t.backend} ${t.status}`).join(", ")}`);
  const chosen = best.backend;
  trials.filter((t) => t.backend === chosen).forEach((t) => (t.status = "chosen"));
  await activate(chosen);
  return { backend: chosen, trials };
}
