/**
 * Recurrent cells with hand-written backpropagation through time.
 *
 * Each cell follows the lecture's equations (lecture 02, "LSTM" and "Other RNN
 * variants / GRU"); each gate is written on its own line under its equation.
 * Parameters use the Keras / tf.layers layout so weights can be compared and
 * exchanged: kernel W [D, G·H], recurrent kernel U [H, G·H], bias b [G·H],
 * gate blocks in the order LSTM [i, f, g, o], GRU [z, r, h̃], RNN [h].
 *
 * Why the computation looks like this (WASM backend, measured in Node, see
 * SETUP-NOTES and scripts/bench-eval.ts):
 * - Every tensor lives per time step ([B, ·] each). Cutting a [T·B, ·] tensor
 *   back into steps is the expensive operation on WASM: its Slice kernel copies
 *   the whole source tensor for every slice (≈1.8 ms per step for [5120, 128]).
 *   So inputs are fed step by step, and whatever can be batched over time is
 *   batched by concatenation (cheap everywhere): the weight and bias gradients
 *   are one matmul per layer, Σ_t [h_{t-1}, x_t, 1]ᵀ·δ_t (see weightGradients;
 *   one-hot inputs scatter-add instead, see blockGradients).
 * - Each gate is ONE fused matmul over the lecture's concatenated input,
 *   W_g·[h_{t-1}, x_t] + b_g, with bias and activation fused in. One [B, 4H]
 *   product for all gates does the same work (≈0.79 ms vs 4 × 0.21 ms at
 *   B = 128, H + D = 193) but then needs ≈0.6 ms of slicing into gates.
 * - tanh is computed as 2·σ(2x) − 1 (tanh on WASM is 1.3–18× slower than
 *   sigmoid); for gates the factor 2 is folded into the prepared weights, so a
 *   tanh gate is also one fused matmul + sigmoid.
 * - The backward pass transposes explicitly and calls plain matMul: the
 *   transpose flags are 8–16× slower on WASM.
 * - One-hot input with a large vocabulary (V > 4H, e.g. Korean, V = 1,481):
 *   x_t·W_g is row id_t of W_g, so a gate is U_g·hs_t plus a row lookup in
 *   W_g + b_g instead of a product with [hs_t, x_t] that is mostly zeros
 *   (K = H + V = 1,609 columns, 12× the recurrent part). With a small one
 *   (V = 65) the lookup's three extra kernels per gate cost more than the 65
 *   extra columns: a step took ≈ 1.45× as long (same run, loaded machine).
 */
import * as tf from "@tensorflow/tfjs";
import type { CharRNNConfig } from "./config";
import { GATE_COUNT } from "./parameters";

export type CellKind = CharRNNConfig["cell"];

/** Gate blocks G per cell (defined with the parameter shapes, which need no tfjs). */
export { GATE_COUNT };

/** Weights of one recurrent layer (Keras layout). */
export interface LayerParams {
  /** Input kernel W: [D, G·H]. */
  kernel: tf.Tensor2D;
  /** Recurrent kernel U: [H, G·H]. */
  recurrentKernel: tf.Tensor2D;
  /** Bias b: [G·H]. */
  bias: tf.Tensor1D;
}

/** Recurrent state of one layer. */
export interface LayerState {
  /** Hidden state h: [B, H]. */
  h: tf.Tensor2D;
  /** LSTM cell state c: [B, H]; null for RNN and GRU. */
  c: tf.Tensor2D | null;
}

/** The ids behind one-hot inputs: x_t is row id of the identity, [B, V]. */
export interface OneHotInput {
  /** Ids per step, [B] each. */
  ids: tf.Tensor1D[];
  vocabSize: number;
}

/**
 * A layer's inputs over T steps:
 *   dense rows             { xs, oneHot: null }
 *   one-hot rows           { xs, oneHot }        (the product with [hs_t, x_t]; ∂W scatters)
 *   one-hot by row lookup  { xs: null, oneHot }  (layer prepared with rowLookup; ∂W scatters)
 */
export interface LayerInput {
  /** x_t per step, [B, D] each; null when the gates look up one-hot rows instead. */
  xs: tf.Tensor2D[] | null;
  oneHot: OneHotInput | null;
}

function stepCount({ xs, oneHot }: LayerInput): number {
  if (xs !== null) return xs.length;
  if (oneHot === null) throw new Error("a layer input needs rows or one-hot ids");
  return oneHot.ids.length;
}

/** Gradients of one layer over a sequence. */
export interface LayerGrads {
  kernel: tf.Tensor2D;
  recurrentKernel: tf.Tensor2D;
  bias: tf.Tensor1D;
  /** ∂loss/∂x_t per step ([B, D] each), or null when not requested. */
  inputs: tf.Tensor2D[] | null;
}

/** A layer run forward over T steps, able to run itself backward. */
export interface LayerRun {
  /** h_t for every step, [B, H] each. */
  outputs: tf.Tensor2D[];
  /** State after the last step. */
  state: LayerState;
  /** Backpropagation through time from ∂loss/∂h_t (one [B, H] per step). */
  backward(dOutputs: tf.Tensor2D[], wantInputGrads: boolean): LayerGrads;
}

/** Gate blocks computed as tanh (via 2σ(2x) − 1); the others are sigmoid gates. */
const TANH_GATES: Record<CellKind, readonly number[]> = { rnn: [0], lstm: [2], gru: [2] };

/**
 * A layer ready to run: its parameters plus per-gate matrices. Prepared once
 * per set of weights (the model caches it until the next update), because
 * splitting the kernels is not free. Tanh gates are pre-multiplied by 2.
 *   dense input:   kernels [U_g; W_g] ([H + D, H]), biases b_g ([H])
 *   row lookup:    kernels U_g ([H, H]), inputRows W_g + b_g ([V, H]: row v is
 *                  what one-hot x_t = e_v adds to the gate's pre-activation)
 */
export interface PreparedLayer {
  params: LayerParams;
  kernels: tf.Tensor2D[];
  /** Empty for row lookup (the bias is in inputRows). */
  biases: tf.Tensor1D[];
  /** Per gate for row lookup, else null. */
  inputRows: tf.Tensor2D[] | null;
}

/** Splits the layer's kernels into per-gate blocks (see PreparedLayer) and folds in the factor 2 of the tanh gates. */
export function prepareLayer(cell: CellKind, params: LayerParams, rowLookup = false): PreparedLayer {
  const gates = GATE_COUNT[cell];
  const doubled = <T extends tf.Tensor>(blocks: T[]): T[] => blocks.map((b, g) => (TANH_GATES[cell].includes(g) ? tf.mul(b, 2) : b));
  if (rowLookup) {
    const kernels = doubled(tf.split(params.recurrentKernel, gates, 1) as tf.Tensor2D[]); // G × [H, H]
    const inputRows = doubled(tf.split(tf.add(params.kernel, params.bias), gates, 1) as tf.Tensor2D[]); // G × [V, H]
    return { params, kernels, biases: [], inputRows };
  }
  const stacked = tf.concat([params.recurrentKernel, params.kernel], 0); // [H + D, G·H]
  const kernels = doubled(tf.split(stacked, gates, 1) as tf.Tensor2D[]); // G × [H + D, H]
  const biases = doubled(tf.split(params.bias, gates) as tf.Tensor1D[]); // G × [H]
  return { params, kernels, biases, inputRows: null };
}

/** What gate blocks see at one step: [hs_t, x_t] concatenated (dense x_t), or hs_t and the ids of one-hot x_t. */
type GateInput = { xh: tf.Tensor2D } | { hs: tf.Tensor2D; ids: tf.Tensor1D };

/** The gate input of step t from the recurrent part hs (h_{t-1}, or r_t ⊙ h_{t-1} for GRU's h̃). */
function gateInput({ xs, oneHot }: LayerInput, t: number, hs: tf.Tensor2D): GateInput {
  if (xs !== null) return { xh: tf.concat([hs, xs[t]], 1) };
  if (oneHot === null) throw new Error("a layer input needs rows or one-hot ids");
  return { hs, ids: oneHot.ids[t] };
}

/** σ(W_g·[hs_t, x_t] + b_g) for gate block g.   [B, H] */
function sigmoidAt(layer: PreparedLayer, g: number, input: GateInput): tf.Tensor2D {
  if ("xh" in input) return sigmoidGate(input.xh, layer.kernels[g], layer.biases[g]);
  if (layer.inputRows === null) throw new Error("the layer was not prepared for row lookup");
  return tf.sigmoid(tf.add(tf.matMul(input.hs, layer.kernels[g]), tf.gather(layer.inputRows[g], input.ids))) as tf.Tensor2D;
}

/** tanh(W_g·[hs_t, x_t] + b_g) = 2σ(2(…)) − 1, the 2 folded into the prepared gate.   [B, H] */
function tanhAt(layer: PreparedLayer, g: number, input: GateInput): tf.Tensor2D {
  return tf.sub(tf.mul(sigmoidAt(layer, g, input), 2), 1);
}

/** The concatenated [hs_t, x_t] of every step (for the weight gradients), or null under row lookup. */
function concatenated(inputs: GateInput[]): tf.Tensor2D[] | null {
  return inputs.every((i) => "xh" in i) ? inputs.map((i) => i.xh) : null;
}

/** σ(xh·K + b) as one fused op.   [B, H] */
function sigmoidGate(xh: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  return tf.fused.matMul({ a: xh, b: kernel, bias, activation: "sigmoid" }) as tf.Tensor2D;
}

/** tanh(x) = 2σ(2x) − 1 (faster than tf.tanh on WASM). */
function tanh(x: tf.Tensor2D): tf.Tensor2D {
  return tf.sub(tf.mul(tf.sigmoid(tf.mul(x, 2)), 2), 1);
}

/** s ⊙ (1 − s): derivative of σ expressed through its output. */
function sigmoidSlope(s: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(s, tf.sub(1, s));
}

/** 1 − y²: derivative of tanh expressed through its output. */
function tanhSlope(y: tf.Tensor2D): tf.Tensor2D {
  return tf.sub(1, tf.square(y));
}

/**
 * Σ_t inputs_tᵀ·δ_t and Σ_t Σ_b δ_t as ONE matmul over the concatenated
 * steps: [x_1ᵀ … x_Tᵀ; 1 … 1]·[δ_1; …; δ_T] → [D_in + 1, D_out], whose last
 * row is the bias gradient. `deltas` comes concatenated: [T·B, D_out].
 * (On WASM every matmul repacks a fresh right operand: a separate ones-row
 * matmul for the bias costs ≈ 17 ms at [5120, 512]; the extra row here costs
 * ≈ 2 ms. Transposing step by step is ≈ 2× faster than transposing the
 * concatenation.)
 */
export function weightGradients(inputs: tf.Tensor2D[], deltas: tf.Tensor2D): { weights: tf.Tensor2D; bias: tf.Tensor1D } {
  const rows = inputs[0].shape[1];
  const n = inputs.length * inputs[0].shape[0];
  const stackedT = tf.concat(
    [
      tf.concat(
        inputs.map((x) => tf.transpose(x)),
        1,
      ),
      tf.ones([1, n]),
    ],
    0,
  ); // [D_in + 1, T·B]
  const both = tf.matMul(stackedT, deltas); // [D_in + 1, D_out]
  const [weights, bias] = tf.split(both, [rows, 1], 0) as tf.Tensor2D[];
  return { weights, bias: tf.reshape(bias, [bias.shape[1]]) };
}

/**
 * Gradients of a block of gates over the sequence, the block having seen
 * [hs_t, x_t] at step t (hs_t = h_{t-1}; r_t ⊙ h_{t-1} for GRU's h̃):
 *   ∂U = Σ_t hs_tᵀ·δ_t    ∂W = Σ_t x_tᵀ·δ_t    ∂b = Σ_t Σ_b δ_t
 * Dense x_t: one product over the concatenated inputs xhs_t = [hs_t, x_t].
 * One-hot x_t (the first layer without an embedding): x_tᵀ·δ_t only adds row
 * b of δ_t to row id_{t,b} of ∂W, so ∂W is a scatter-add (≈ 1 ms) instead of
 * a product with V rows of zeros and ones (≈ 7 ms of a 100 ms step at V = 65).
 */
function blockGradients(
  hs: tf.Tensor2D[],
  xhs: tf.Tensor2D[] | null,
  input: LayerInput,
  deltas: tf.Tensor2D[],
): { dU: tf.Tensor2D; dW: tf.Tensor2D; bias: tf.Tensor1D } {
  const stacked = tf.concat(deltas, 0); // [T·B, G·H]
  const { oneHot } = input;
  if (oneHot === null) {
    if (xhs === null) throw new Error("dense input without its concatenated steps");
    const { weights, bias } = weightGradients(xhs, stacked);
    const hidden = hs[0].shape[1];
    const [dU, dW] = tf.split(weights, [hidden, weights.shape[0] - hidden], 0) as tf.Tensor2D[];
    return { dU, dW, bias };
  }
  const { weights: dU, bias } = weightGradients(hs, stacked);
  const ids = tf.reshape(tf.concat(oneHot.ids, 0), [stacked.shape[0], 1]); // time-major, like the deltas
  const dW = tf.scatterND(ids, stacked, [oneHot.vocabSize, stacked.shape[1]]) as tf.Tensor2D;
  return { dU, dW, bias };
}

/** Adds the gradient flowing back from step t+1 (if any) to the one from above. */
function addIfPresent(a: tf.Tensor2D, b: tf.Tensor2D | null): tf.Tensor2D {
  return b === null ? a : tf.add(a, b);
}

/**
 * Vanilla RNN (lecture 02): h_t = tanh(W·[h_{t-1}, x_t] + b).
 */
function runRNN(layer: PreparedLayer, input: LayerInput, state: LayerState): LayerRun {
  const p = layer.params;
  const T = stepCount(input);
  const gateInputs: GateInput[] = [];
  const outputs: tf.Tensor2D[] = [];
  let h = state.h;
  for (let t = 0; t < T; t++) {
    const xh = gateInput(input, t, h); // [h_{t-1}, x_t]
    // h_t = tanh(W·[h_{t-1}, x_t] + b)   [B, H]
    h = tanhAt(layer, 0, xh);
    gateInputs.push(xh);
    outputs.push(h);
  }
  return {
    outputs,
    state: { h, c: null },
    backward(dOutputs, wantInputGrads) {
      const uT = tf.transpose(p.recurrentKernel); // [H, H]
      const wT = tf.transpose(p.kernel); // [H, D]
      const deltas: tf.Tensor2D[] = new Array(T);
      const dInputs: tf.Tensor2D[] = new Array(T);
      let dhNext: tf.Tensor2D | null = null;
      for (let t = T - 1; t >= 0; t--) {
        const dh = addIfPresent(dOutputs[t], dhNext); // [B, H]
        // δ_t = ∂L/∂(W·[h_{t-1}, x_t] + b) = dh ⊙ (1 − h_t²)   [B, H]
        const delta: tf.Tensor2D = tf.mul(dh, tanhSlope(outputs[t]));
        deltas[t] = delta;
        dhNext = tf.matMul(delta, uT) as tf.Tensor2D; // [B, H]
        if (wantInputGrads) dInputs[t] = tf.matMul(delta, wT); // [B, D]
      }
      const { dU, dW, bias } = blockGradients([state.h, ...outputs.slice(0, -1)], concatenated(gateInputs), input, deltas);
      return { kernel: dW, recurrentKernel: dU, bias, inputs: wantInputGrads ? dInputs : null };
    },
  };
}

/**
 * LSTM (lecture 02; Hochreiter & Schmidhuber 1997), gates [i, f, g, o].
 */
function runLSTM(layer: PreparedLayer, input: LayerInput, state: LayerState): LayerRun {
  const p = layer.params;
  const T = stepCount(input);
  if (state.c === null) throw new Error("LSTM state needs a cell state c");
  interface Step {
    xh: GateInput;
    i: tf.Tensor2D;
    f: tf.Tensor2D;
    g: tf.Tensor2D;
    o: tf.Tensor2D;
    cPrev: tf.Tensor2D;
    tanhC: tf.Tensor2D;
  }
  const steps: Step[] = [];
  const outputs: tf.Tensor2D[] = [];
  let h = state.h;
  let c = state.c;
  for (let t = 0; t < T; t++) {
    const xh = gateInput(input, t, h); // [h_{t-1}, x_t]
    // i_t = σ(W_i·[h_{t-1}, x_t] + b_i)   [B, H]
    const i = sigmoidAt(layer, 0, xh);
    // f_t = σ(W_f·[h_{t-1}, x_t] + b_f)   [B, H]
    const f = sigmoidAt(layer, 1, xh);
    // g_t = tanh(W_g·[h_{t-1}, x_t] + b_g)   [B, H]
    const g = tanhAt(layer, 2, xh);
    // o_t = σ(W_o·[h_{t-1}, x_t] + b_o)   [B, H]
    const o = sigmoidAt(layer, 3, xh);
    const cPrev = c;
    // c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t   [B, H]
    c = tf.add(tf.mul(f, cPrev), tf.mul(i, g)) as tf.Tensor2D;
    // h_t = o_t ⊙ tanh(c_t)   [B, H]
    const tanhC = tanh(c);
    h = tf.mul(o, tanhC) as tf.Tensor2D;
    steps.push({ xh, i, f, g, o, cPrev, tanhC });
    outputs.push(h);
  }
  return {
    outputs,
    state: { h, c },
    backward(dOutputs, wantInputGrads) {
      const uT = tf.transpose(p.recurrentKernel); // [4H, H]
      const wT = tf.transpose(p.kernel); // [4H, D]
      const deltas: tf.Tensor2D[] = new Array(T);
      const dInputs: tf.Tensor2D[] = new Array(T);
      let dhNext: tf.Tensor2D | null = null;
      let dcNext: tf.Tensor2D | null = null;
      for (let t = T - 1; t >= 0; t--) {
        const { i, f, g, o, cPrev, tanhC } = steps[t];
        const dh = addIfPresent(dOutputs[t], dhNext); // [B, H]
        // ∂c_t = ∂c_{t+1} ⊙ f_{t+1} + ∂h_t ⊙ o_t ⊙ (1 − tanh²c_t)   [B, H]
        const dc: tf.Tensor2D = addIfPresent(tf.mul(dh, tf.mul(o, tanhSlope(tanhC))), dcNext);
        // pre-activation gradients, one per gate   [B, H] each
        // δi_t = ∂c_t ⊙ g_t ⊙ i_t(1 − i_t)
        const dI: tf.Tensor2D = tf.mul(tf.mul(dc, g), sigmoidSlope(i));
        // δf_t = ∂c_t ⊙ c_{t-1} ⊙ f_t(1 − f_t)
        const dF: tf.Tensor2D = tf.mul(tf.mul(dc, cPrev), sigmoidSlope(f));
        // δg_t = ∂c_t ⊙ i_t ⊙ (1 − g_t²)
        const dG: tf.Tensor2D = tf.mul(tf.mul(dc, i), tanhSlope(g));
        // δo_t = ∂h_t ⊙ tanh(c_t) ⊙ o_t(1 − o_t)
        const dO: tf.Tensor2D = tf.mul(tf.mul(dh, tanhC), sigmoidSlope(o));
        const delta: tf.Tensor2D = tf.concat([dI, dF, dG, dO], 1); // [B, 4H]
        deltas[t] = delta;
        dcNext = tf.mul(dc, f) as tf.Tensor2D; // ∂c_{t-1} through c_t = f_t ⊙ c_{t-1} + …
        dhNext = tf.matMul(delta, uT) as tf.Tensor2D; // ∂h_{t-1} = δ_t·Uᵀ   [B, H]
        if (wantInputGrads) dInputs[t] = tf.matMul(delta, wT); // [B, D]
      }
      const hPrevs = [state.h, ...outputs.slice(0, -1)];
      const { dU, dW, bias } = blockGradients(hPrevs, concatenated(steps.map((s) => s.xh)), input, deltas);
      return { kernel: dW, recurrentKernel: dU, bias, inputs: wantInputGrads ? dInputs : null };
    },
  };
}

/**
 * GRU (lecture 02; Cho et al. 2014), gates [z, r, h̃], the reset gate applied
 * before the recurrent matmul as in the lecture and in tf.layers.gru
 * (Keras `reset_after=False`). That placement needs r_t before h̃_t's matmul,
 * so h̃ has its own input [r_t ⊙ h_{t-1}, x_t] (three fused matmuls per step).
 */
function runGRU(layer: PreparedLayer, input: LayerInput, state: LayerState): LayerRun {
  const p = layer.params;
  const T = stepCount(input);
  const hidden = state.h.shape[1];
  interface Step {
    xh: GateInput;
    rh: tf.Tensor2D;
    xrh: GateInput;
    hPrev: tf.Tensor2D;
    z: tf.Tensor2D;
    r: tf.Tensor2D;
    n: tf.Tensor2D;
  }
  const steps: Step[] = [];
  const outputs: tf.Tensor2D[] = [];
  let h = state.h;
  for (let t = 0; t < T; t++) {
    const hPrev = h;
    const xh = gateInput(input, t, hPrev); // [h_{t-1}, x_t]
    // z_t = σ(W_z·[h_{t-1}, x_t] + b_z)   [B, H]
    const z = sigmoidAt(layer, 0, xh);
    // r_t = σ(W_r·[h_{t-1}, x_t] + b_r)   [B, H]
    const r = sigmoidAt(layer, 1, xh);
    const rh = tf.mul(r, hPrev) as tf.Tensor2D; // r_t ⊙ h_{t-1}   [B, H]
    const xrh = gateInput(input, t, rh); // [r_t ⊙ h_{t-1}, x_t]
    // h̃_t = tanh(W_h·[r_t ⊙ h_{t-1}, x_t] + b_h)   [B, H]
    const n = tanhAt(layer, 2, xrh);
    // h_t = z_t ⊙ h_{t-1} + (1 − z_t) ⊙ h̃_t = h̃_t + z_t ⊙ (h_{t-1} − h̃_t)   [B, H]
    h = tf.add(n, tf.mul(z, tf.sub(hPrev, n))) as tf.Tensor2D;
    steps.push({ xh, rh, xrh, hPrev, z, r, n });
    outputs.push(h);
  }
  return {
    outputs,
    state: { h, c: null },
    backward(dOutputs, wantInputGrads) {
      const uT = tf.transpose(p.recurrentKernel); // [3H, H]
      const [uZRT, uNT] = tf.split(uT, [2 * hidden, hidden], 0) as tf.Tensor2D[]; // [2H, H], [H, H]
      const wT = tf.transpose(p.kernel); // [3H, D]
      const deltasZR: tf.Tensor2D[] = new Array(T);
      const deltasN: tf.Tensor2D[] = new Array(T);
      const dInputs: tf.Tensor2D[] = new Array(T);
      let dhNext: tf.Tensor2D | null = null;
      for (let t = T - 1; t >= 0; t--) {
        const { hPrev, z, r, n } = steps[t];
        const dh = addIfPresent(dOutputs[t], dhNext); // [B, H]
        // δz_t = ∂h_t ⊙ (h_{t-1} − h̃_t) ⊙ z_t(1 − z_t)   [B, H]
        const dZ: tf.Tensor2D = tf.mul(tf.mul(dh, tf.sub(hPrev, n)), sigmoidSlope(z));
        // δh̃_t = ∂h_t ⊙ (1 − z_t) ⊙ (1 − h̃_t²)   [B, H]
        const dN: tf.Tensor2D = tf.mul(tf.mul(dh, tf.sub(1, z)), tanhSlope(n));
        const dRH: tf.Tensor2D = tf.matMul(dN, uNT); // ∂(r_t ⊙ h_{t-1}) = δh̃_t·U_hᵀ   [B, H]
        // δr_t = ∂(r_t ⊙ h_{t-1}) ⊙ h_{t-1} ⊙ r_t(1 − r_t)   [B, H]
        const dR: tf.Tensor2D = tf.mul(tf.mul(dRH, hPrev), sigmoidSlope(r));
        const deltaZR: tf.Tensor2D = tf.concat([dZ, dR], 1); // [B, 2H]
        deltasZR[t] = deltaZR;
        deltasN[t] = dN;
        // ∂h_{t-1} = ∂h_t ⊙ z_t + ∂(r⊙h) ⊙ r_t + δ_zr·U_zrᵀ   [B, H]
        dhNext = tf.add(tf.add(tf.mul(dh, z), tf.mul(dRH, r)), tf.matMul(deltaZR, uZRT)) as tf.Tensor2D;
        if (wantInputGrads) dInputs[t] = tf.matMul(tf.concat([deltaZR, dN], 1), wT); // [B, D]
      }
      const zr = blockGradients(
        steps.map((s) => s.hPrev),
        concatenated(steps.map((s) => s.xh)),
        input,
        deltasZR,
      ); // [H, 2H], [D, 2H], [2H]
      const n = blockGradients(
        steps.map((s) => s.rh),
        concatenated(steps.map((s) => s.xrh)),
        input,
        deltasN,
      ); // [H, H], [D, H], [H]
      return {
        kernel: tf.concat([zr.dW, n.dW], 1),
        recurrentKernel: tf.concat([zr.dU, n.dU], 1),
        bias: tf.concat([zr.bias, n.bias]),
        inputs: wantInputGrads ? dInputs : null,
      };
    },
  };
}

/** Runs one recurrent layer of the given kind over T steps of input (see LayerInput). */
export function runLayer(cell: CellKind, layer: PreparedLayer, input: LayerInput, state: LayerState): LayerRun {
  switch (cell) {
    case "rnn":
      return runRNN(layer, input, state);
    case "lstm":
      return runLSTM(layer, input, state);
    case "gru":
      return runGRU(layer, input, state);
    default: {
      const unreachable: never = cell;
      throw new Error(`unknown cell ${String(unreachable)}`);
    }
  }
}
