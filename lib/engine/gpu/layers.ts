/**
 * A recurrent layer over T steps on WebGPU, built for the GPU: the same equations as cells.ts
 * (read them there), arranged so a time step is one or two dispatches (kernels.ts).
 *
 *   P = x·W + b           all T steps' input projection, ONE product   [N, G·H]  (N = T·B, time-major)
 *   for t = 0 … T−1:      S_t = step(P_t, U, S_{t−1})                  1 dispatch (LSTM, RNN), 2 (GRU)
 *   backward, t = T−1 … 0: D_t = step'(S_t, S_{t−1}, dY_t, Uᵀ, D_{t+1})  1 dispatch (LSTM, RNN), 2 (GRU)
 *   Δ = [δ_0; …; δ_{T−1}]                                               [N, G·H]
 *   ∂U = Σ_t h_{t−1}ᵀ·δ_t = H_prevᵀ·Δ     ∂b = Σ_rows Δ     ∂W = xᵀ·Δ (or a scatter-add of Δ's rows by id)
 *   ∂x = Δ·Wᵀ (only when a layer or an embedding below needs it)
 * Every per-step state S_t is packed [B, k·H] (layouts in kernels.ts) and kept for the backward pass;
 * the steps are stacked once (one concat) to give all h_t, all h_{t−1} and all δ_t as [N, ·] slices.
 */
import * as tf from "@tensorflow/tfjs";
import type { CellKind, LayerParams, LayerState } from "../cells";
import type { FusedInput, FusedLayerRun } from "../fusedNetwork";
import { registerStepKernels, runStep, type StepDims } from "./kernels";

registerStepKernels();

/** How one cell kind packs its steps (kernels.ts) and turns them into ∂U. */
interface CellPlan {
  /** Width of S_t in units of H, and where h_t sits in it. */
  stateWidth: number;
  hAt: number;
  /** Width of D_t in units of H (its first G·H columns are δ_t). */
  gradWidth: number;
  initial(state: LayerState, dims: StepDims): tf.Tensor2D;
  forward(P: tf.Tensor2D, U: tf.Tensor2D, Sp: tf.Tensor2D, t: number, dims: StepDims): tf.Tensor2D;
  backward(S: tf.Tensor2D, Sp: tf.Tensor2D, dY: tf.Tensor2D, UT: tf.Tensor2D, Dn: tf.Tensor2D, t: number, dims: StepDims): tf.Tensor2D;
  final(S: tf.Tensor2D, dims: StepDims): LayerState;
  /** ∂U from the stacked states [S_{−1}; …; S_{T−1}] and Δ. */
  recurrentGrad(stacked: tf.Tensor2D, delta: tf.Tensor2D, dims: StepDims): tf.Tensor2D;
}

/** Columns [from, from + H) of rows [row, row + N) of a stacked [·, k·H] tensor. */
function block(stacked: tf.Tensor2D, row: number, rows: number, from: number, H: number): tf.Tensor2D {
  return tf.slice(stacked, [row, from * H], [rows, H]);
}

/** H_{prev}ᵀ·Δ with h_{t−1} read from the stack's rows 0 … N−1 (S_{−1} … S_{T−2}). */
function hPrevGrad(plan: { hAt: number }, stacked: tf.Tensor2D, delta: tf.Tensor2D, H: number): tf.Tensor2D {
  return tf.matMul(block(stacked, 0, delta.shape[0], plan.hAt, H), delta, true, false);
}

const LSTM: CellPlan = {
  stateWidth: 6,
  hAt: 5,
  gradWidth: 5,
  initial: ({ h, c }, { B, H }) => {
    if (c === null) throw new Error("LSTM state needs a cell state c");
    return tf.concat([tf.zeros([B, 4 * H]), c, h], 1);
  },
  forward: (P, U, Sp, t, dims) => runStep("LSTM_FORWARD", { P, U, Sp }, t, dims),
  backward: (S, Sp, DY, UT, Dn, t, dims) => runStep("LSTM_BACKWARD", { S, Sp, DY, UT, Dn }, t, dims),
  final: (S, { B, H }) => ({ h: tf.slice(S, [0, 5 * H], [B, H]), c: tf.slice(S, [0, 4 * H], [B, H]) }),
  recurrentGrad: (stacked, delta, { H }) => hPrevGrad(LSTM, stacked, delta, H),
};

const GRU: CellPlan = {
  stateWidth: 5,
  hAt: 4,
  gradWidth: 4,
  initial: ({ h }, { B, H }) => tf.concat([tf.zeros([B, 4 * H]), h], 1),
  forward: (P, U, Sp, t, dims) => {
    const A = runStep("GRU_GATES", { P, U, Sp }, t, dims); // z_t, r_t, r_t ⊙ h_{t−1}
    return runStep("GRU_CANDIDATE", { P, U, A, Sp }, t, dims); // h̃_t, h_t
  },
  backward: (S, Sp, DY, UT, En, t, dims) => {
    const F = runStep("GRU_BACKWARD_UPDATE", { S, Sp, DY, UT, En }, t, dims); // ∂h_t, δz, δh̃
    return runStep("GRU_BACKWARD_RESET", { F, S, Sp, UT }, t, dims); // δr and what flows to h_{t−1}
  },
  final: (S, { B, H }) => ({ h: tf.slice(S, [0, 4 * H], [B, H]), c: null }),
  // z and r saw h_{t−1}; h̃ saw r_t ⊙ h_{t−1} (column block 2 of S_t, rows B … N + B − 1 of the stack).
  recurrentGrad: (stacked, delta, { B, H }) => {
    const N = delta.shape[0];
    const dUzr = tf.matMul(block(stacked, 0, N, GRU.hAt, H), tf.slice(delta, [0, 0], [N, 2 * H]), true, false);
    const dUh = tf.matMul(block(stacked, B, N, 2, H), tf.slice(delta, [0, 2 * H], [N, H]), true, false);
    return tf.concat([dUzr, dUh], 1) as tf.Tensor2D;
  },
};

const RNN: CellPlan = {
  stateWidth: 1,
  hAt: 0,
  gradWidth: 1,
  initial: ({ h }) => h,
  forward: (P, U, Sp, t, dims) => runStep("RNN_FORWARD", { P, U, Sp }, t, dims),
  backward: (S, _Sp, DY, UT, Dn, t, dims) => runStep("RNN_BACKWARD", { S, DY, UT, Dn }, t, dims),
  final: (S) => ({ h: S, c: null }),
  recurrentGrad: (stacked, delta, { H }) => hPrevGrad(RNN, stacked, delta, H),
};

const PLANS: Record<CellKind, CellPlan> = { lstm: LSTM, gru: GRU, rnn: RNN };

/** Runs one layer forward over all steps (call inside a tidy); `backward` gives its gradients. */
export function runFusedLayer(cell: CellKind, params: LayerParams, input: FusedInput, state: LayerState): FusedLayerRun {
  const plan = PLANS[cell];
  const B = state.h.shape[0];
  const H = state.h.shape[1];
  const dims = { B, H };
  const { kernel: W, recurrentKernel: U, bias } = params;
  // P = x_t·W + b for every step at once; a one-hot x_t picks row id of W + b.
  const P = ("x" in input ? tf.fused.matMul({ a: input.x, b: W, bias }) : tf.gather(tf.add(W, bias), input.ids)) as tf.Tensor2D;
  const T = P.shape[0] / B;
  const S: tf.Tensor2D[] = [plan.initial(state, dims)]; // S[t + 1] = S_t
  for (let t = 0; t < T; t++) S.push(plan.forward(P, U, S[t], t, dims));
  const stacked = tf.concat(S, 0); // [(T + 1)·B, stateWidth·H]
  const N = T * B;
  return {
    outputs: block(stacked, B, N, plan.hAt, H),
    state: plan.final(S[T], dims),
    backward(dOutputs, wantInputGrads) {
      const UT = tf.transpose(U); // [G·H, H]
      const D: tf.Tensor2D[] = new Array(T);
      let next: tf.Tensor2D = tf.zeros([B, plan.gradWidth * H]); // D_T: nothing flows back from beyond the window
      for (let t = T - 1; t >= 0; t--) {
        D[t] = plan.backward(S[t + 1], S[t], dOutputs, UT, next, t, dims);
        next = D[t];
      }
      const GH = W.shape[1];
      const delta = tf.slice(tf.concat(D, 0), [0, 0], [N, GH]); // Δ [N, G·H]
      const dU = plan.recurrentGrad(stacked, delta, dims);
      const dB = tf.sum(delta, 0) as tf.Tensor1D;
      const dW: tf.Tensor2D = "x" in input ? tf.matMul(input.x, delta, true, false) : tf.scatterND(tf.reshape(input.ids, [N, 1]), delta, [input.vocabSize, GH]); // row id_r of ∂W gets δ_r
      return { kernel: dW, recurrentKernel: dU, bias: dB, inputs: wantInputGrads ? (tf.matMul(delta, W, false, true) as tf.Tensor2D) : null };
    },
  };
}
