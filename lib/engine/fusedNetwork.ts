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
 * On WebGPU nothing is read back to the CPU inside a step: the loss stays a tensor until the caller reads it.
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

/** The output layer's log p(target) per position [N], and with gradients ∂W_out, ∂b_out and ∂h^top [N, H]. */
export interface OutputRun {
  logProbs: tf.Tensor1D;
  grads: { kernel: tf.Tensor2D; bias: tf.Tensor1D; top: tf.Tensor2D } | null;
}

/** The output layer, softmax and log p(target) over all N positions (targets time-major), inside a tidy. */
export type OutputRunner = (top: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D, targets: Int32Array, rule: LossRule, wantGradients: boolean) => OutputRun;

/** What the network needs of the model: its configuration, parameters by name and dropout masks. */
export interface FusedModel {
  config: CharRNNConfig;
  vocabSize: number;
  param(name: string): tf.Tensor;
  /** One step's dropout mask [B, H], drawn from the model's seeded stream. */
  dropoutMask(batchSize: number): tf.Tensor2D;
  /** The fused layer and output layer of this backend. */
  runLayer: LayerRunner;
  runOutput: OutputRunner;
}

/** Minimum probability whose log is taken (model.ts's MIN_PROBABILITY, passed in to keep one rule in one place). */
export interface LossRule {
  minProbability: number;
}

/** Batch-major ids [B·T] in time-major order [N]. */
function timeMajorIds(ids: Int32Array, B: number): Int32Array {
  const T = ids.length / B;
  const out = new Int32Array(ids.length);
  for (let t = 0; t < T; t++) for (let b = 0; b < B; b++) out[t * B + b] = ids[b * T + t];
  return out;
}

const topOf = (run: Forward) => run.layers[run.layers.length - 1].outputs;
const outputKernel = (model: FusedModel) => model.param("output.kernel") as tf.Tensor2D;
const outputBias = (model: FusedModel) => model.param("output.bias") as tf.Tensor1D;

interface Forward {
  layers: FusedLayerRun[];
  /** Dropout mask of layer l's input, [N, H] (l ≥ 1); empty without dropout. */
  masks: tf.Tensor2D[];
  ids: tf.Tensor1D;
  state: LayerState[];
}

function forward(model: FusedModel, inputs: Int32Array, B: number, state: LayerState[], dropout: boolean): Forward {
  const { config, vocabSize: V } = model;
  const T = inputs.length / B;
  const ids = tf.tensor1d(timeMajorIds(inputs, B), "int32");
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
  return { layers, masks, ids, state: layers.map((r) => r.state) };
}

/**
 * The tfjs output layer (the WebGPU path's; WASM has its own, wasm/layer.ts):
 *   logits = h^top·W_out + b_out   p = softmax(logits)   logProbs_r = log max(p_r[target_r], floor)
 *   ∂logits = (p − y)/N   ∂W_out = h^topᵀ·∂logits   ∂b_out = Σ_r ∂logits_r   ∂h^top = ∂logits·W_outᵀ
 * (the 1/N is applied to the three results).
 */
export function tfjsOutput(top: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D, targets: Int32Array, rule: LossRule, wantGradients: boolean): OutputRun {
  const N = top.shape[0];
  const probs = tf.softmax(tf.fused.matMul({ a: top, b: kernel, bias })) as tf.Tensor2D;
  const y = tf.cast(tf.oneHot(tf.tensor1d(targets, "int32"), kernel.shape[1]), "float32") as tf.Tensor2D;
  const logProbs = tf.log(tf.maximum(tf.sum(tf.mul(probs, y), 1), rule.minProbability)) as tf.Tensor1D;
  if (!wantGradients) return { logProbs, grads: null };
  const dLogits = tf.sub(probs, y); // ×N
  return {
    logProbs,
    grads: {
      kernel: tf.div(tf.matMul(top, dLogits, true, false), N),
      bias: tf.div(tf.sum(dLogits, 0), N),
      top: tf.matMul(dLogits, tf.div(kernel, N) as tf.Tensor2D, false, true),
    },
  };
}

/** log p(target) at every position, time-major [N], and the final state (call inside a tidy). */
export function fusedLogProbs(
  model: FusedModel,
  batch: { inputs: Int32Array; targets: Int32Array; batchSize: number },
  state: LayerState[],
  rule: LossRule,
): { logProbs: tf.Tensor1D; state: LayerState[] } {
  const run = forward(model, batch.inputs, batch.batchSize, state, false);
  const output = model.runOutput(topOf(run), outputKernel(model), outputBias(model), timeMajorIds(batch.targets, batch.batchSize), rule, false);
  return { logProbs: output.logProbs, state: run.state };
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
  const output = model.runOutput(topOf(run), outputKernel(model), outputBias(model), timeMajorIds(batch.targets, B), rule, true);
  if (output.grads === null) throw new Error("the output layer gave no gradients");
  const loss = tf.div(tf.sum(output.logProbs), -N) as tf.Scalar;

  const grads = new Map<string, tf.Tensor>();
  grads.set("output.kernel", output.grads.kernel);
  grads.set("output.bias", output.grads.bias);
  let dOutputs = output.grads.top; // ∂h^top [N, H]
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
