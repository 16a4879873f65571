/**
 * The whole CharRNN with each layer's window run by a fused layer (model.ts uses it where one
 * exists: gpu/layers.ts on WebGPU, WGSL step kernels; wasm/layer.ts on WASM, the engine's own
 * WebAssembly module): the same model and loss as model.ts, with every time-independent part done
 * once for all N = T·B positions instead of once per step.
 *
 *   x        = E[ids] (embedding) or the ids themselves (one-hot, looked up by the layer)
 *   h^l      = layer l over all steps, input dropout(h^{l−1}) for l ≥ 1          [N, H]
 *   logits   = h^top·W_out + b_out                                              [N, V]  one product
 *   loss     = −(1/N) Σ_r log softmax(logits_r)[target_r]
 *   ∂logits  = softmax(logits) − y                                              (÷N below)
 *   ∂W_out   = h^topᵀ·∂logits / N     ∂b_out = Σ_r ∂logits_r / N     ∂h^top = ∂logits·W_outᵀ / N
 * Nothing is read back to the CPU: the loss stays a tensor until the caller reads it.
 * Rows are time-major (row t·B + b); dropout masks are drawn in the same order as model.ts
 * (layer by layer, step by step), so a seeded run draws the same masks on every backend.
 */
import * as tf from "@tensorflow/tfjs";
import type { CharRNNConfig } from "./config";
import type { LayerParams, LayerState } from "./cells";

/** A layer's inputs over all steps, time-major: dense rows [N, D], or the ids [N] of one-hot rows. */
export type FusedInput = { x: tf.Tensor2D } | { ids: tf.Tensor1D; vocabSize: number };

/** Gradients of one layer; `inputs` is ∂loss/∂x [N, D] when asked for. */
export interface FusedGrads {
  kernel: tf.Tensor2D;
  recurrentKernel: tf.Tensor2D;
  bias: tf.Tensor1D;
  inputs: tf.Tensor2D | null;
}

export interface FusedLayerRun {
  /** h_t of every step, [N, H]. */
  outputs: tf.Tensor2D;
  state: LayerState;
  backward(dOutputs: tf.Tensor2D, wantInputGrads: boolean): FusedGrads;
}

/** Runs layer `layer` (0 = bottom) of the network forward over all steps, inside a tidy. */
export type LayerRunner = (layer: number, params: LayerParams, input: FusedInput, state: LayerState) => FusedLayerRun;

/** What the network needs of the model: its configuration, parameters by name and dropout masks. */
export interface FusedModel {
  config: CharRNNConfig;
  vocabSize: number;
  param(name: string): tf.Tensor;
  /** One step's dropout mask [B, H], drawn from the model's seeded stream. */
  dropoutMask(batchSize: number): tf.Tensor2D;
  /** The fused layer of this backend. */
  runLayer: LayerRunner;
}

/** Minimum probability whose log is taken (model.ts's MIN_PROBABILITY, passed in to keep one rule in one place). */
export interface LossRule {
  minProbability: number;
}

/** Batch-major ids [B·T] as time-major int32 [N]. */
function timeMajor(ids: Int32Array, B: number): tf.Tensor1D {
  const T = ids.length / B;
  const out = new Int32Array(ids.length);
  for (let t = 0; t < T; t++) for (let b = 0; b < B; b++) out[t * B + b] = ids[b * T + t];
  return tf.tensor1d(out, "int32");
}

interface Forward {
  layers: FusedLayerRun[];
  /** Dropout mask of layer l's input, [N, H] (l ≥ 1); empty without dropout. */
  masks: tf.Tensor2D[];
  ids: tf.Tensor1D;
  logits: tf.Tensor2D;
  state: LayerState[];
}

function forward(model: FusedModel, inputs: Int32Array, B: number, state: LayerState[], dropout: boolean): Forward {
  const { config, vocabSize: V } = model;
  const T = inputs.length / B;
  const ids = timeMajor(inputs, B);
  let input: FusedInput = config.embeddingSize > 0 ? { x: tf.gather(model.param("embedding"), ids) as tf.Tensor2D } : { ids, vocabSize: V };
  const layers: FusedLayerRun[] = [];
  const masks: tf.Tensor2D[] = [];
  for (let l = 0; l < config.layers; l++) {
    const params = {
      kernel: model.param(`layer${l}.kernel`) as tf.Tensor2D,
      recurrentKernel: model.param(`layer${l}.recurrentKernel`) as tf.Tensor2D,
      bias: model.param(`layer${l}.bias`) as tf.Tensor1D,
    };
    if (l > 0 && dropout && "x" in input) {
      const mask = tf.concat(
        Array.from({ length: T }, () => model.dropoutMask(B)),
        0,
      );
      masks.push(mask);
      input = { x: tf.mul(input.x, mask) };
    }
    const run = model.runLayer(l, params, input, state[l]);
    layers.push(run);
    input = { x: run.outputs };
  }
  const top = layers[layers.length - 1].outputs;
  const logits = tf.fused.matMul({ a: top, b: model.param("output.kernel") as tf.Tensor2D, bias: model.param("output.bias") }) as tf.Tensor2D;
  return { layers, masks, ids, logits, state: layers.map((r) => r.state) };
}

/**
 * a·b with either operand transposed. On WASM tfjs' transpose flags are 8–16× slower than a
 * transpose and a plain product (cells.ts; here ≈ 65 ms vs 13 ms a step for the output layer's two
 * products); on WebGPU they cost nothing, and a transpose would be one more dispatch.
 */
function matMul(a: tf.Tensor2D, b: tf.Tensor2D, transposeA: boolean, transposeB: boolean): tf.Tensor2D {
  if (tf.getBackend() !== "wasm") return tf.matMul(a, b, transposeA, transposeB);
  return tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b);
}

/** log p(target) per position, time-major [N], from the softmax and the one-hot targets. */
function targetLogProbs(probs: tf.Tensor2D, targets: tf.Tensor2D, rule: LossRule): tf.Tensor1D {
  return tf.log(tf.maximum(tf.sum(tf.mul(probs, targets), 1), rule.minProbability)) as tf.Tensor1D;
}

function oneHotTargets(targets: Int32Array, B: number, V: number): tf.Tensor2D {
  return tf.cast(tf.oneHot(timeMajor(targets, B), V), "float32") as tf.Tensor2D;
}

/** log p(target) at every position, time-major [N], and the final state (call inside a tidy). */
export function fusedLogProbs(
  model: FusedModel,
  batch: { inputs: Int32Array; targets: Int32Array; batchSize: number },
  state: LayerState[],
  rule: LossRule,
): { logProbs: tf.Tensor1D; state: LayerState[] } {
  const run = forward(model, batch.inputs, batch.batchSize, state, false);
  return { logProbs: targetLogProbs(tf.softmax(run.logits), oneHotTargets(batch.targets, batch.batchSize, model.vocabSize), rule), state: run.state };
}

/** Mean cross-entropy and its gradient for every parameter (model.ts's computeGradients; call inside a tidy). */
export function fusedGradients(
  model: FusedModel,
  batch: { inputs: Int32Array; targets: Int32Array; batchSize: number },
  state: LayerState[],
  dropout: boolean,
  rule: LossRule,
): { loss: tf.Scalar; grads: Map<string, tf.Tensor>; state: LayerState[] } {
  const { config, vocabSize: V } = model;
  const B = batch.batchSize;
  const N = batch.inputs.length;
  const run = forward(model, batch.inputs, B, state, dropout);
  const probs = tf.softmax(run.logits);
  const targets = oneHotTargets(batch.targets, B, V);
  const loss = tf.div(tf.sum(targetLogProbs(probs, targets, rule)), -N) as tf.Scalar;

  const grads = new Map<string, tf.Tensor>();
  const dLogits: tf.Tensor2D = tf.sub(probs, targets); // ×N: the 1/N is applied to the three products below
  const top = run.layers[run.layers.length - 1].outputs;
  grads.set("output.kernel", tf.div(matMul(top, dLogits, true, false), N));
  grads.set("output.bias", tf.div(tf.sum(dLogits, 0), N));
  let dOutputs: tf.Tensor2D = matMul(dLogits, tf.div(model.param("output.kernel"), N) as tf.Tensor2D, false, true); // ∂h^top [N, H]
  for (let l = run.layers.length - 1; l >= 0; l--) {
    const g = run.layers[l].backward(dOutputs, l > 0 || config.embeddingSize > 0);
    grads.set(`layer${l}.kernel`, g.kernel);
    grads.set(`layer${l}.recurrentKernel`, g.recurrentKernel);
    grads.set(`layer${l}.bias`, g.bias);
    if (g.inputs === null) continue;
    if (l > 0) {
      dOutputs = run.masks.length > 0 ? tf.mul(g.inputs, run.masks[l - 1]) : g.inputs;
    } else {
      // x_r = E[id_r]  ⇒  ∂E[v] = Σ_{r: id_r = v} ∂x_r   (scatter-add)   [V, E]
      grads.set("embedding", tf.scatterND(tf.reshape(run.ids, [N, 1]), g.inputs, [V, config.embeddingSize]));
    }
  }
  return { loss, grads, state: run.state };
}
