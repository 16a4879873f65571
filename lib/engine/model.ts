/**
 * CharRNN: characters in, next-character distribution out.
 *
 *   x_t (one-hot [B, V], or embedded)  →  1–3 recurrent layers (cells.ts),
 *   dropout between layers  →  linear  →  softmax over the V characters.
 *
 * Training minimises the mean cross-entropy (nats per character) with a
 * hand-written backward pass through time (cells.ts) and Adam (optimizer.ts).
 * No tf.layers and no autodiff: see cells.ts for why, with measurements.
 *
 * Input: with embeddingSize 0 each character enters as a one-hot row [V]
 * (the first kernel is [V, G·H], cost grows with V); otherwise as its
 * embedding row, looked up with tf.gather and trained through a hand-written
 * scatter-add (tf.scatterND) — tf.gather's own gradient needs
 * UnsortedSegmentSum, which the WASM backend lacks. Use an embedding for
 * large vocabularies (Korean: ≈1,500 characters).
 *
 * Output: one product and one softmax over all T·B positions at once (the
 * top layer's steps concatenated, time-major); the loss reads
 * log p(target) as log(softmax)[target], floored at MIN_PROBABILITY: tfjs's
 * logSoftmax is ≈10× slower on WASM (its logSumExp is composed of slow ops).
 *
 * Layouts: token ids are batch-major Int32Arrays, id of window b at step t at
 * [b·T + t]. Internally every tensor is one time step ([B, ·]).
 */
import * as tf from "@tensorflow/tfjs";
import { charRNNConfigSchema, type CharRNNConfig } from "./config";
import { prepareLayer, runLayer, weightGradients, type LayerInput, type LayerRun, type LayerState, type PreparedLayer } from "./cells";
import { fusedGradients, fusedLogProbs, tfjsOutput, type FusedModel, type LayerRunner, type OutputRunner } from "./fusedNetwork";
import { stepKernelsAvailable } from "./gpu/kernels";
import { runFusedLayer } from "./gpu/layers";
import { runWasmLayer, runWasmOutput, wasmLayerAvailable } from "./wasm/layer";
import { Adam } from "./optimizer";
import { Rng } from "./rng";
import { GATE_COUNT, parameterSpecs, type ParameterSpec } from "./parameters";

export { parameterSpecs, type ParameterSpec };

/** Recurrent state of every layer, bottom first. Owned by the caller: release with disposeState. */
export type RNNState = LayerState[];

/** B windows of T characters and, for each, the T characters that follow. */
export interface TokenBatch {
  /** Input ids, batch-major [B·T]. */
  inputs: Int32Array;
  /** Target ids (inputs shifted by one), batch-major [B·T]. */
  targets: Int32Array;
  /** Number of windows B. */
  batchSize: number;
}

/** A parameter's values, e.g. for serialisation. */
export interface ParameterValues extends ParameterSpec {
  values: Float32Array;
}

/** Random-number streams of a seeded run (see Rng.forStream). */
export const RNG_STREAM = { init: 0, batches: 1, dropout: 2 } as const;

/** Options of CharRNN.create. */
export interface CreateOptions {
  /**
   * The encoded training text. The output bias then starts at UNIGRAM_START_EXPONENT × the log of
   * each character's smoothed frequency in it (see unigramStartBias), so the untrained model already
   * predicts a flattened unigram distribution instead of the uniform one. With a large vocabulary
   * (Korean, V ≈ 1,500) the uniform start costs hundreds of steps: the output layer has to learn the
   * frequencies through a Glorot-sized kernel (see scripts/bench-curve.ts for the curves).
   */
  trainIds?: Int32Array;
}

/**
 * The untrained model predicts p_v^k / Σ_u p_u^k for the training text's character frequencies p.
 * A larger k is further ahead in the first hundreds of steps and overfits sooner (the protocol of
 * `npm run bench:curve` has no regularisation): on the Korean corpus k = 1 was 0.6 nats ahead of
 * PyTorch nn.LSTM at step 100 and 0.08 behind at 2,000; k = ½ fell behind at 2,000 with two seeds of
 * three; k = ¼ behind at step 500 (Korean) and 100–1,000 (Shakespeare) with one seed. k = ⅓ is at or
 * below PyTorch at every checkpoint (100–2,000) on both corpora on average over seeds, and with most
 * seeds one against one (lib/engine/README.md has the tables).
 */
export const UNIGRAM_START_EXPONENT = 1 / 3;

/** The output bias CharRNN.create starts from with the training text: UNIGRAM_START_EXPONENT × log frequencies.   [V] */
export function unigramStartBias(ids: Int32Array, vocabSize: number): Float32Array {
  return unigramLogFrequencies(ids, vocabSize).map((v) => v * UNIGRAM_START_EXPONENT);
}

/**
 * Smoothed log frequencies of the vocabulary's characters in `ids`: [V].
 * A character seen n_v times gets n_v + 1 (add-one). The unknown token (id 0) stands for every
 * character the training text lacks, so it gets n_0 + n_1 + 1, where n_1 is the number of characters
 * seen exactly once: Good–Turing's estimate of how often a new character turns up. Add-one alone
 * gives it 1 / (N + V), and the training text never raises it (the unknown token is never a target
 * there): on the Korean corpus (n_1 = 142) each of the 22 validation targets the training text lacks
 * then starts 5 nats worse (log 143 ≈ 5), a 0.005-nat difference in the mean over 20,000 targets.
 */
export function unigramLogFrequencies(ids: Int32Array, vocabSize: number): Float32Array {
  const counts = new Float64Array(vocabSize);
  for (const id of ids) counts[id] += 1;
  const seenOnce = counts.reduce((n, count, id) => (id !== 0 && count === 1 ? n + 1 : n), 0);
  const smoothed = counts.map((n, id) => n + 1 + (id === 0 ? seenOnce : 0));
  const total = smoothed.reduce((a, b) => a + b, 0);
  return Float32Array.from(smoothed, (n) => Math.log(n / total));
}

/**
 * Seeded initial values: Glorot-uniform kernels (limit √(6/(fan_in + fan_out)),
 * the tf.layers default for kernels), zero biases except the LSTM forget gate,
 * which starts at 1 like BasicLSTMCell's forget_bias (lecture 05).
 */
function initialValues(config: CharRNNConfig, spec: ParameterSpec, rng: Rng): Float32Array {
  const size = spec.shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  if (spec.shape.length === 2) {
    const limit = Math.sqrt(6 / (spec.shape[0] + spec.shape[1]));
    for (let i = 0; i < size; i++) values[i] = rng.uniform(limit);
  } else if (config.cell === "lstm" && spec.name.startsWith("layer")) {
    values.fill(1, config.hiddenSize, 2 * config.hiddenSize); // gates [i, f, g, o]: f is block 1
  }
  return values;
}

/** Releases the tensors of a state. */
export function disposeState(state: RNNState): void {
  for (const { h, c } of state) {
    h.dispose();
    c?.dispose();
  }
}

/** Runs `fn` in tf.tidy and keeps only the tensors `keep` selects from its result. */
function tidyKeep<T>(fn: () => T, keep: (result: T) => tf.Tensor[]): T {
  let result: T | undefined;
  tf.tidy(() => {
    result = fn();
    for (const t of keep(result)) tf.keep(t);
  });
  return result as T;
}

function stateTensors(state: RNNState): tf.Tensor[] {
  return state.flatMap(({ h, c }) => (c === null ? [h] : [h, c]));
}

/**
 * One-hot rows are looked up instead of multiplied when V exceeds this multiple of H: the lookup
 * adds three kernels per gate, which cost more than the product's extra columns at V ≈ H
 * (V = 65, H = 128: a step ≈ 1.45× as long) and far less at V ≫ H (Korean, V = 1,481).
 */
const ROW_LOOKUP_RATIO = 4;

/** Smallest probability the loss takes the log of: caps one character's loss at ≈69 nats. */
export const MIN_PROBABILITY = 1e-30;

/** Ids of step t of batch-major ids: [B]. */
function stepIds(ids: Int32Array, batchSize: number, steps: number, t: number): Int32Array {
  return Int32Array.from({ length: batchSize }, (_, b) => ids[b * steps + t]);
}

/**
 * One-hot rows of ids, built here and uploaded as one tensor: [n, V]. (No OneHot + Cast kernels
 * per step; also, the WASM OneHot kernel ignores dtype 'float32' and writes integer bit patterns,
 * tfjs 4.22.)
 */
function oneHotRows(ids: Int32Array, vocabSize: number): tf.Tensor2D {
  const rows = new Float32Array(ids.length * vocabSize);
  ids.forEach((id, row) => (rows[row * vocabSize + id] = 1));
  return tf.tensor2d(rows, [ids.length, vocabSize]);
}

/** log p(target) for every position from the softmax outputs and one-hot targets, time-major: [T·B]. */
function targetLogProbs(probs: tf.Tensor2D, targets: tf.Tensor2D): tf.Tensor1D {
  return tf.log(tf.maximum(tf.sum(tf.mul(probs, targets), 1), MIN_PROBABILITY)) as tf.Tensor1D;
}

/** Backends whose tensors live in CPU memory, where reading one back is a copy, not a GPU sync. */
const CPU_MEMORY_BACKENDS = new Set(["wasm", "cpu"]);

/**
 * A time-major [T·B, D] tensor cut into its T steps: T × [B, D]. On WASM, tf.split (tf.slice)
 * copies the whole source tensor once per step, and a row gather of one step took ≈ 0.9 ms
 * (35 ms per training step, bench:profile), so on CPU-memory backends the tensor is read once
 * and each step uploaded from that copy. On GPU backends the read would stall: tf.split there.
 */
function splitSteps(x: tf.Tensor2D, steps: number): tf.Tensor2D[] {
  if (!CPU_MEMORY_BACKENDS.has(tf.getBackend())) return tf.split(x, steps, 0);
  const [rows, width] = x.shape;
  const batch = rows / steps;
  const values = x.dataSync() as Float32Array;
  return Array.from({ length: steps }, (_, t) => tf.tensor2d(values.subarray(t * batch * width, (t + 1) * batch * width), [batch, width]));
}

/** Result of running the network forward over a batch. */
interface ForwardRun {
  /** Per-layer runs (for the backward pass). */
  layers: LayerRun[];
  /** Dropout masks applied to the inputs of layer l ≥ 1, per step; empty when not training. */
  masks: tf.Tensor2D[][];
  /** Logits of every position, time-major: [T·B, V]. */
  logits: tf.Tensor2D;
  /** Input ids per step ([B] each), kept for the embedding gradient. */
  ids: tf.Tensor1D[];
  /** State after the last step. */
  state: RNNState;
}

export class CharRNN {
  /** Parameters by name (see parameterSpecs). */
  private readonly params = new Map<string, tf.Variable>();
  private optimizer: Adam | null = null;
  /** Layers prepared from the current weights (see prepareLayer), dropped at every update. */
  private prepared: { layers: PreparedLayer[]; owned: tf.Tensor[] } | null = null;
  private readonly dropoutRng: Rng;
  /**
   * "auto": training and scoring run a fused layer over each window where the backend has one
   * (fusedNetwork.ts): on webgpu the GPU-shaped path (gpu/layers.ts: fused WGSL step kernels, all
   * steps' products at once), on wasm the engine's own WebAssembly module (wasm/layer.ts);
   * elsewhere, and with "op-by-op", the per-step tfjs computation below. All compute the same model.
   */
  kernelPath: "auto" | "op-by-op" = "auto";

  private constructor(
    /** Validated configuration. */
    readonly config: CharRNNConfig,
    /** Number of characters V, unknown token included. */
    readonly vocabSize: number,
    values: ReadonlyMap<string, Float32Array>,
  ) {
    for (const spec of parameterSpecs(config, vocabSize)) {
      const v = values.get(spec.name);
      if (v === undefined) throw new Error(`missing parameter ${spec.name}`);
      this.params.set(
        spec.name,
        tf.tidy(() => tf.variable(tf.tensor(v, spec.shape, "float32"))),
      );
    }
    this.dropoutRng = Rng.forStream(config.seed, RNG_STREAM.dropout);
  }

  /** A freshly initialised model (seeded by config.seed; see CreateOptions for the output bias). */
  static create(config: CharRNNConfig, vocabSize: number, options: CreateOptions = {}): CharRNN {
    const valid = charRNNConfigSchema.parse(config);
    const rng = Rng.forStream(valid.seed, RNG_STREAM.init);
    const values = new Map(parameterSpecs(valid, vocabSize).map((s) => [s.name, initialValues(valid, s, rng)] as const));
    if (options.trainIds !== undefined) values.set("output.bias", unigramStartBias(options.trainIds, vocabSize));
    return new CharRNN(valid, vocabSize, values);
  }

  /** A model with the given parameter values (names and sizes as in parameterSpecs). */
  static fromParameters(config: CharRNNConfig, vocabSize: number, values: ReadonlyMap<string, Float32Array>): CharRNN {
    return new CharRNN(charRNNConfigSchema.parse(config), vocabSize, values);
  }

  /** Copies of all parameter values, in canonical order. */
  parameters(): ParameterValues[] {
    return parameterSpecs(this.config, this.vocabSize).map((spec) => ({ ...spec, values: new Float32Array(this.param(spec.name).dataSync()) }));
  }

  /** Number of optimizer updates applied. */
  get step(): number {
    return this.optimizer?.steps ?? 0;
  }

  /** Learning rate of the next update: learningRate · lrDecay^(step / 1000). */
  currentLearningRate(): number {
    return this.config.learningRate * this.config.lrDecay ** (this.step / 1000);
  }

  /** All-zero state for `batchSize` streams. */
  zeroState(batchSize: number): RNNState {
    const H = this.config.hiddenSize;
    return Array.from({ length: this.config.layers }, () => ({
      h: tf.zeros([batchSize, H]) as tf.Tensor2D,
      c: this.config.cell === "lstm" ? (tf.zeros([batchSize, H]) as tf.Tensor2D) : null,
    }));
  }

  /**
   * Logits for every position: [B, T, V]. Returns the state after the last
   * step (caller disposes both); `state` defaults to zeros and is not consumed.
   */
  forward(inputs: Int32Array, batchSize: number, state?: RNNState): { logits: tf.Tensor3D; state: RNNState } {
    return tidyKeep(
      () => {
        const run = this.run(inputs, batchSize, state ?? this.zeroState(batchSize), false);
        const T = inputs.length / batchSize;
        const logits = tf.transpose(tf.reshape(run.logits, [T, batchSize, this.vocabSize]), [1, 0, 2]) as tf.Tensor3D; // [B, T, V]
        return { logits, state: run.state };
      },
      (r) => [r.logits, ...stateTensors(r.state)],
    );
  }

  /**
   * log p(target) at every position, batch-major [B·T], computed in float32 on
   * the backend; plus the final state (caller disposes).
   */
  score(batch: TokenBatch, state?: RNNState): { logProbs: Float32Array; state: RNNState } {
    const { batchSize: B } = batch;
    const T = batch.inputs.length / B;
    const kept = tidyKeep(
      () => {
        const runners = this.fusedLayers();
        if (runners !== null) {
          this.checkInputs(batch.inputs, B);
          return fusedLogProbs(this.fusedView(runners), batch, state ?? this.zeroState(B), { minProbability: MIN_PROBABILITY });
        }
        const run = this.run(batch.inputs, B, state ?? this.zeroState(B), false);
        const probs = tf.softmax(run.logits) as tf.Tensor2D; // [T·B, V]
        return { logProbs: targetLogProbs(probs, this.targetRows(batch)), state: run.state };
      },
      (r) => [r.logProbs, ...stateTensors(r.state)],
    );
    const timeMajor = kept.logProbs.dataSync();
    kept.logProbs.dispose();
    const logProbs = new Float32Array(B * T);
    for (let t = 0; t < T; t++) for (let b = 0; b < B; b++) logProbs[b * T + t] = timeMajor[t * B + b];
    return { logProbs, state: kept.state };
  }

  /**
   * Mean cross-entropy (nats) of the batch and its gradient for every
   * parameter, by backpropagation through time. `dropout` applies the
   * configured dropout (training); tests call it without. Caller disposes.
   */
  computeGradients(batch: TokenBatch, state?: RNNState, dropout = false): { loss: tf.Scalar; grads: Map<string, tf.Tensor>; state: RNNState } {
    const { batchSize: B } = batch;
    const T = batch.inputs.length / B;
    const N = B * T;
    return tidyKeep(
      () => {
        const runners = this.fusedLayers();
        if (runners !== null) {
          this.checkInputs(batch.inputs, B);
          return fusedGradients(this.fusedView(runners), batch, state ?? this.zeroState(B), dropout, { minProbability: MIN_PROBABILITY });
        }
        const run = this.run(batch.inputs, B, state ?? this.zeroState(B), dropout);
        const targets = this.targetRows(batch); // [T·B, V]
        const probs = tf.softmax(run.logits) as tf.Tensor2D; // [T·B, V]
        // loss = −(1/N) Σ log softmax(logits)[target]
        const loss = tf.div(tf.sum(targetLogProbs(probs, targets)), -N) as tf.Scalar;

        // ∂loss/∂logits = (softmax(logits) − y) / N   [T·B, V]
        const dLogits: tf.Tensor2D = tf.sub(probs, targets);
        const outKernelT = tf.div(tf.transpose(this.param("output.kernel")), N); // [V, H] / N
        const top = run.layers[run.layers.length - 1].outputs;
        const grads = new Map<string, tf.Tensor>();
        const output = weightGradients(top, dLogits);
        grads.set("output.kernel", tf.div(output.weights, N)); // [H, V]
        grads.set("output.bias", tf.div(output.bias, N)); // [V]

        // ∂loss/∂h_t of the top layer: one product for all steps, then cut into steps   [B, H] each
        const dTop = tf.matMul(dLogits, outKernelT) as tf.Tensor2D; // [T·B, H]
        let dOutputs = splitSteps(dTop, T);
        for (let l = run.layers.length - 1; l >= 0; l--) {
          const g = run.layers[l].backward(dOutputs, l > 0 || this.config.embeddingSize > 0);
          grads.set(`layer${l}.recurrentKernel`, g.recurrentKernel);
          grads.set(`layer${l}.bias`, g.bias);
          if (l > 0) {
            grads.set(`layer${l}.kernel`, g.kernel);
            const dInputs = g.inputs ?? [];
            dOutputs = run.masks.length > 0 ? dInputs.map((d, t): tf.Tensor2D => tf.mul(d, run.masks[l - 1][t])) : dInputs;
          } else {
            grads.set("layer0.kernel", g.kernel);
            if (this.config.embeddingSize > 0) {
              // x_t = E[id_t]  ⇒  ∂E[v] = Σ_{t,b: id = v} ∂x_t[b]   (scatter-add)   [V, E]
              const ids = tf.reshape(tf.concat(run.ids, 0), [N, 1]);
              grads.set("embedding", tf.scatterND(ids, tf.concat(g.inputs ?? [], 0), [this.vocabSize, this.config.embeddingSize]));
            }
          }
        }
        return { loss, grads, state: run.state };
      },
      (r) => [r.loss, ...r.grads.values(), ...stateTensors(r.state)],
    );
  }

  /**
   * One Adam step on the batch; returns the loss before the update (nats per
   * character). With a `state`, training continues from it and the final
   * state is returned (caller disposes both); without, windows start from
   * zeros and `state` is null. Reads the loss synchronously (dataSync).
   */
  trainStep(batch: TokenBatch, state?: RNNState): { loss: number; state: RNNState | null } {
    const step = this.update(batch, state);
    const loss = step.loss.dataSync()[0];
    step.loss.dispose();
    return { loss, state: step.state };
  }

  /**
   * trainStep that reads the loss asynchronously (no blocking GPU read-back on
   * WebGL / WebGPU). Await it before starting the next step.
   */
  async trainStepAsync(batch: TokenBatch, state?: RNNState): Promise<{ loss: number; state: RNNState | null }> {
    const step = this.update(batch, state);
    const loss = (await step.loss.data())[0];
    step.loss.dispose();
    return { loss, state: step.state };
  }

  /** Releases every tensor the model owns. */
  dispose(): void {
    this.dropPrepared();
    for (const p of this.params.values()) p.dispose();
    this.params.clear();
    this.optimizer?.dispose();
    this.optimizer = null;
  }

  /** Gradients, clipping and the Adam update; the loss stays on the backend until the caller reads it. */
  private update(batch: TokenBatch, state: RNNState | undefined): { loss: tf.Scalar; state: RNNState | null } {
    this.optimizer ??= new Adam(this.params);
    const { loss, grads, state: finalState } = this.computeGradients(batch, state, this.config.dropout > 0);
    this.optimizer.apply(grads, this.currentLearningRate(), this.config.clipNorm);
    this.dropPrepared();
    for (const g of grads.values()) g.dispose();
    if (state === undefined) {
      disposeState(finalState);
      return { loss, state: null };
    }
    return { loss, state: finalState };
  }

  private param(name: string): tf.Variable {
    const p = this.params.get(name);
    if (p === undefined) throw new Error(`no parameter ${name}`);
    return p;
  }

  /** Every layer prepared for running (cached until the next update). */
  private preparedLayers(): PreparedLayer[] {
    this.prepared ??= tidyKeep(
      () => {
        const layers = Array.from({ length: this.config.layers }, (_, l) =>
          prepareLayer(
            this.config.cell,
            {
              kernel: this.param(`layer${l}.kernel`) as tf.Tensor2D,
              recurrentKernel: this.param(`layer${l}.recurrentKernel`) as tf.Tensor2D,
              bias: this.param(`layer${l}.bias`) as tf.Tensor1D,
            },
            l === 0 && this.rowLookup(),
          ),
        );
        return { layers, owned: layers.flatMap((p) => [...p.kernels, ...p.biases, ...(p.inputRows ?? [])]) };
      },
      (r) => r.owned,
    );
    return this.prepared.layers;
  }

  /** Whether the first layer looks up its one-hot input's rows instead of multiplying them (large vocabularies, see cells.ts). */
  private rowLookup(): boolean {
    return this.config.embeddingSize === 0 && this.vocabSize > ROW_LOOKUP_RATIO * this.config.hiddenSize;
  }

  private dropPrepared(): void {
    if (this.prepared !== null) tf.dispose(this.prepared.owned);
    this.prepared = null;
  }

  /** One-hot targets of every position, time-major: [T·B, V]. */
  private targetRows(batch: TokenBatch): tf.Tensor2D {
    const B = batch.batchSize;
    const T = batch.targets.length / B;
    const ids = Int32Array.from({ length: T * B }, (_, i) => batch.targets[(i % B) * T + Math.floor(i / B)]);
    return oneHotRows(ids, this.vocabSize);
  }

  /** Dropout mask for one step: 0 with probability p, else 1/(1 − p).   [B, H] */
  private dropoutMask(batchSize: number): tf.Tensor2D {
    const p = this.config.dropout;
    const data = new Float32Array(batchSize * this.config.hiddenSize);
    for (let i = 0; i < data.length; i++) data[i] = this.dropoutRng.next() < p ? 0 : 1 / (1 - p);
    return tf.tensor2d(data, [batchSize, this.config.hiddenSize]);
  }

  /** The fused layers training and scoring run on this backend, or null for the op-by-op path (see kernelPath). */
  private fusedLayers(): { runLayer: LayerRunner; runOutput: OutputRunner } | null {
    if (this.kernelPath !== "auto") return null;
    const { cell, hiddenSize } = this.config;
    if (stepKernelsAvailable()) return { runLayer: (_layer, params, input, state) => runFusedLayer(cell, params, input, state), runOutput: tfjsOutput };
    if (wasmLayerAvailable(hiddenSize))
      return { runLayer: (layer, params, input, state) => runWasmLayer(cell, layer, params, input, state), runOutput: runWasmOutput };
    return null;
  }

  /** The model as fusedNetwork.ts sees it. */
  private fusedView(runners: { runLayer: LayerRunner; runOutput: OutputRunner }): FusedModel {
    return { config: this.config, vocabSize: this.vocabSize, param: (name) => this.param(name), dropoutMask: (b) => this.dropoutMask(b), ...runners };
  }

  /** Throws unless `inputs` form batchSize equal non-empty windows of ids inside the vocabulary. */
  private checkInputs(inputs: Int32Array, batchSize: number): void {
    if (!Number.isInteger(batchSize) || batchSize < 1 || inputs.length % batchSize !== 0 || inputs.length === 0) {
      throw new RangeError(`inputs (${inputs.length} ids) do not form ${batchSize} equal non-empty windows`);
    }
    const V = this.vocabSize;
    for (const id of inputs) if (!(id >= 0 && id < V)) throw new RangeError(`token id ${id} outside vocabulary of ${V}`);
  }

  /** The forward pass; call inside a tidy. */
  private run(inputs: Int32Array, batchSize: number, state: RNNState, dropout: boolean): ForwardRun {
    this.checkInputs(inputs, batchSize);
    const T = inputs.length / batchSize;
    const V = this.vocabSize;
    const prepared = this.preparedLayers();
    const stepIdArrays = Array.from({ length: T }, (_, t) => stepIds(inputs, batchSize, T, t)); // T × [B]
    const ids = stepIdArrays.map((a) => tf.tensor1d(a, "int32"));
    const embedding = this.config.embeddingSize > 0 ? (this.param("embedding") as tf.Tensor2D) : null;
    const oneHot = embedding === null ? { ids, vocabSize: V } : null;
    const firstRows = embedding !== null ? ids.map((id) => tf.gather(embedding, id)) : this.rowLookup() ? null : stepIdArrays.map((a) => oneHotRows(a, V)); // T × [B, E or V]
    let input: LayerInput = { xs: firstRows, oneHot };
    const layers: LayerRun[] = [];
    const masks: tf.Tensor2D[][] = [];
    let xs: tf.Tensor2D[] = [];
    for (let l = 0; l < this.config.layers; l++) {
      if (l > 0 && dropout) {
        const m = xs.map(() => this.dropoutMask(batchSize));
        masks.push(m);
        input = { xs: xs.map((x, t): tf.Tensor2D => tf.mul(x, m[t])), oneHot: null };
      }
      const layer = runLayer(this.config.cell, prepared[l], input, state[l]);
      layers.push(layer);
      xs = layer.outputs;
      input = { xs, oneHot: null };
    }
    const outKernel = this.param("output.kernel") as tf.Tensor2D;
    const outBias = this.param("output.bias") as tf.Tensor1D;
    const logits = tf.fused.matMul({ a: tf.concat(xs, 0), b: outKernel, bias: outBias }) as tf.Tensor2D; // [T·B, V]
    return { layers, masks, logits, ids, state: layers.map((r) => r.state) };
  }
}
