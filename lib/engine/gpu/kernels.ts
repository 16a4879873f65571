/**
 * WGSL compute kernels for one time step of a recurrent layer, run through tfjs-backend-webgpu's
 * program interface (the backend compiles `getUserCode()` inside its own shader prelude, binds the
 * inputs as read-only storage arrays named by `variableNames` and the output as `result`).
 *
 * Each kernel is registered as a tfjs kernel for the "webgpu" backend, so calling it from
 * `tf.engine().runKernel` keeps tidy/dispose bookkeeping and shows up in `tf.profile` like any op.
 * One call = one GPU dispatch. A thread computes one (row b, unit j) of the step: it does its own
 * dot products with the recurrent kernel (H or G·H multiply-adds), so the recurrent product, the
 * gate activations and the state update are one dispatch instead of ≈ 15 (the op-by-op path).
 *
 * Layouts (row-major float32; N = T·B rows, time-major: row t·B + b):
 *   P   [N, G·H]   x_t·W + b of every step (the input projection, one product before the loop)
 *   U   [H, G·H]   recurrent kernel;  UT = Uᵀ [G·H, H] (backward: threads j read a column, coalesced)
 *   dY  [N, H]     ∂loss/∂h_t arriving from above (the output layer or the next layer)
 *   packed per-step state S_t and gradient D_t, [B, ·] (their layouts are at each kernel below).
 * tanh(x) is written 2σ(2x) − 1 like the op-by-op path (exp overflows to ∞ safely: σ → 0).
 */
import * as tf from "@tensorflow/tfjs";

/** What the kernels need of tfjs-backend-webgpu's backend object (typed here: the engine does not import that package). */
interface WebGPUBackendLike {
  runWebGPUProgram(program: StepProgram, inputs: tf.TensorInfo[], dtype: "float32", uniforms: { type: "int32"; data: number[] }[]): tf.TensorInfo;
}

/** The fields of tfjs-backend-webgpu's WebGPUProgram a flat, one-thread-per-(b, j) kernel sets. */
interface StepProgram {
  variableNames: string[];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  uniforms: string;
  getUserCode(): string;
}

const WORKGROUP = 64;

/** Shared WGSL helpers. */
const ACTIVATIONS = `
  fn sigm(x : f32) -> f32 { return 1.0 / (1.0 + exp(-x)); }
  fn tanh2(x : f32) -> f32 { return 2.0 / (1.0 + exp(-2.0 * x)) - 1.0; }
`;

/** A step kernel: its inputs, its output width (per row b) and its WGSL body for thread (b, j). */
interface StepKernel {
  name: string;
  inputs: string[];
  /** Output columns per row, in units of H. */
  outWidth: number;
  /** WGSL statements; B, H, the step `t` (uniforms.t), b and j are in scope. */
  body(B: number, H: number): string;
}

function stepProgram(kernel: StepKernel, B: number, H: number): StepProgram {
  const threads = B * H;
  return {
    variableNames: kernel.inputs,
    outputShape: [B, kernel.outWidth * H],
    // Sizes are compiled in as constants: the key names them (tfjs' own key has ranks and dtypes only).
    shaderKey: `${kernel.name}_${B}_${H}`,
    dispatchLayout: { x: [0, 1] },
    dispatch: [Math.ceil(threads / WORKGROUP), 1, 1],
    workgroupSize: [WORKGROUP, 1, 1],
    uniforms: "t : i32,",
    getUserCode: () => `
      ${ACTIVATIONS}
      fn main(index : i32) {
        if (index >= ${threads}) { return; }
        let b = index / ${H};
        let j = index % ${H};
        let t = uniforms.t;
        ${kernel.body(B, H)}
      }`,
  };
}

// ── LSTM, gates [i, f, g, o] ──────────────────────────────────────────────────────────────────
// S_t [B, 6H] = [i_t, f_t, g_t, o_t, c_t, h_t]      D_t [B, 5H] = [δi, δf, δg, δo, ∂c_t ⊙ f_t]

const LSTM_FORWARD: StepKernel = {
  name: "RnnLstmForwardStep",
  inputs: ["P", "U", "Sp"], // Sp = S_{t-1}
  outWidth: 6,
  body: (B, H) => `
    // a = x_t·W + b + h_{t-1}·U, one column per gate
    let p = (t * ${B} + b) * ${4 * H} + j;
    var ai = P[p];
    var af = P[p + ${H}];
    var ag = P[p + ${2 * H}];
    var ao = P[p + ${3 * H}];
    let hRow = b * ${6 * H} + ${5 * H};
    for (var m = 0; m < ${H}; m++) {
      let h = Sp[hRow + m];
      let u = m * ${4 * H} + j;
      ai += h * U[u];
      af += h * U[u + ${H}];
      ag += h * U[u + ${2 * H}];
      ao += h * U[u + ${3 * H}];
    }
    let i = sigm(ai);   // i_t = σ(a_i)
    let f = sigm(af);   // f_t = σ(a_f)
    let g = tanh2(ag);  // g_t = tanh(a_g)
    let o = sigm(ao);   // o_t = σ(a_o)
    let out = b * ${6 * H} + j;
    let c = f * Sp[out + ${4 * H}] + i * g; // c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
    result[out] = i;
    result[out + ${H}] = f;
    result[out + ${2 * H}] = g;
    result[out + ${3 * H}] = o;
    result[out + ${4 * H}] = c;
    result[out + ${5 * H}] = o * tanh2(c); // h_t = o_t ⊙ tanh(c_t)`,
};

const LSTM_BACKWARD: StepKernel = {
  name: "RnnLstmBackwardStep",
  inputs: ["S", "Sp", "DY", "UT", "Dn"], // S_t, S_{t-1}, ∂loss/∂h from above, Uᵀ, D_{t+1} (zeros after the last step)
  outWidth: 5,
  body: (B, H) => `
    // ∂h_t = dY_t + δ_{t+1}·Uᵀ
    var dh = DY[(t * ${B} + b) * ${H} + j];
    let dRow = b * ${5 * H};
    for (var n = 0; n < ${4 * H}; n++) {
      dh += Dn[dRow + n] * UT[n * ${H} + j];
    }
    let s = b * ${6 * H} + j;
    let i = S[s];
    let f = S[s + ${H}];
    let g = S[s + ${2 * H}];
    let o = S[s + ${3 * H}];
    let tc = tanh2(S[s + ${4 * H}]);
    // ∂c_t = ∂h_t ⊙ o_t ⊙ (1 − tanh²c_t) + ∂c_{t+1} ⊙ f_{t+1}
    let dc = dh * o * (1.0 - tc * tc) + Dn[dRow + ${4 * H} + j];
    let out = dRow + j;
    result[out] = dc * g * i * (1.0 - i);                      // δi = ∂c ⊙ g ⊙ i(1 − i)
    result[out + ${H}] = dc * Sp[s + ${4 * H}] * f * (1.0 - f); // δf = ∂c ⊙ c_{t-1} ⊙ f(1 − f)
    result[out + ${2 * H}] = dc * i * (1.0 - g * g);           // δg = ∂c ⊙ i ⊙ (1 − g²)
    result[out + ${3 * H}] = dh * tc * o * (1.0 - o);          // δo = ∂h ⊙ tanh c ⊙ o(1 − o)
    result[out + ${4 * H}] = dc * f;                           // carried to step t − 1`,
};

// ── GRU, gates [z, r, h̃], reset before the recurrent product (Keras reset_after=False) ────────
// A_t [B, 3H] = [z_t, r_t, r_t ⊙ h_{t-1}]      S_t [B, 5H] = [z_t, r_t, r_t ⊙ h_{t-1}, h̃_t, h_t]
// F_t [B, 3H] = [δz, δh̃, ∂h_t]                 E_t [B, 4H] = [δz, δr, δh̃, ∂h_t ⊙ z_t + ∂(r⊙h) ⊙ r_t]

const GRU_GATES: StepKernel = {
  name: "RnnGruGatesStep",
  inputs: ["P", "U", "Sp"],
  outWidth: 3,
  body: (B, H) => `
    let p = (t * ${B} + b) * ${3 * H} + j;
    var az = P[p];
    var ar = P[p + ${H}];
    let hRow = b * ${5 * H} + ${4 * H};
    for (var m = 0; m < ${H}; m++) {
      let h = Sp[hRow + m];
      let u = m * ${3 * H} + j;
      az += h * U[u];
      ar += h * U[u + ${H}];
    }
    let r = sigm(ar); // r_t = σ(W_r·[h_{t-1}, x_t] + b_r)
    let out = b * ${3 * H} + j;
    result[out] = sigm(az); // z_t = σ(W_z·[h_{t-1}, x_t] + b_z)
    result[out + ${H}] = r;
    result[out + ${2 * H}] = r * Sp[hRow + j]; // r_t ⊙ h_{t-1}`,
};

const GRU_CANDIDATE: StepKernel = {
  name: "RnnGruCandidateStep",
  inputs: ["P", "U", "A", "Sp"],
  outWidth: 5,
  body: (B, H) => `
    // h̃_t = tanh(W_h·[r_t ⊙ h_{t-1}, x_t] + b_h)
    var an = P[(t * ${B} + b) * ${3 * H} + ${2 * H} + j];
    let aRow = b * ${3 * H};
    for (var m = 0; m < ${H}; m++) {
      an += A[aRow + ${2 * H} + m] * U[m * ${3 * H} + ${2 * H} + j];
    }
    let n = tanh2(an);
    let z = A[aRow + j];
    let hp = Sp[b * ${5 * H} + ${4 * H} + j];
    let out = b * ${5 * H} + j;
    result[out] = z;
    result[out + ${H}] = A[aRow + ${H} + j];
    result[out + ${2 * H}] = A[aRow + ${2 * H} + j];
    result[out + ${3 * H}] = n;
    result[out + ${4 * H}] = n + z * (hp - n); // h_t = z_t ⊙ h_{t-1} + (1 − z_t) ⊙ h̃_t`,
};

const GRU_BACKWARD_UPDATE: StepKernel = {
  name: "RnnGruBackwardUpdateStep",
  inputs: ["S", "Sp", "DY", "UT", "En"], // S_t, S_{t-1}, ∂loss/∂h from above, Uᵀ, E_{t+1} (zeros after the last step)
  outWidth: 3,
  body: (B, H) => `
    // ∂h_t = dY_t + [∂h_{t+1} ⊙ z_{t+1} + ∂(r⊙h)_{t+1} ⊙ r_{t+1}] + δzr_{t+1}·U_zrᵀ
    let eRow = b * ${4 * H};
    var dh = DY[(t * ${B} + b) * ${H} + j] + En[eRow + ${3 * H} + j];
    for (var n = 0; n < ${2 * H}; n++) {
      dh += En[eRow + n] * UT[n * ${H} + j];
    }
    let s = b * ${5 * H} + j;
    let z = S[s];
    let nn = S[s + ${3 * H}];
    let hp = Sp[b * ${5 * H} + ${4 * H} + j];
    let out = b * ${3 * H} + j;
    result[out] = dh * (hp - nn) * z * (1.0 - z);            // δz = ∂h ⊙ (h_{t-1} − h̃) ⊙ z(1 − z)
    result[out + ${H}] = dh * (1.0 - z) * (1.0 - nn * nn);    // δh̃ = ∂h ⊙ (1 − z) ⊙ (1 − h̃²)
    result[out + ${2 * H}] = dh;`,
};

const GRU_BACKWARD_RESET: StepKernel = {
  name: "RnnGruBackwardResetStep",
  inputs: ["F", "S", "Sp", "UT"],
  outWidth: 4,
  body: (B, H) => `
    // ∂(r_t ⊙ h_{t-1}) = δh̃·U_hᵀ
    let fRow = b * ${3 * H};
    var drh = 0.0;
    for (var m = 0; m < ${H}; m++) {
      drh += F[fRow + ${H} + m] * UT[(${2 * H} + m) * ${H} + j];
    }
    let s = b * ${5 * H} + j;
    let z = S[s];
    let r = S[s + ${H}];
    let hp = Sp[b * ${5 * H} + ${4 * H} + j];
    let dh = F[fRow + ${2 * H} + j];
    let out = b * ${4 * H} + j;
    result[out] = F[fRow + j];
    result[out + ${H}] = drh * hp * r * (1.0 - r); // δr = ∂(r⊙h) ⊙ h_{t-1} ⊙ r(1 − r)
    result[out + ${2 * H}] = F[fRow + ${H} + j];
    result[out + ${3 * H}] = dh * z + drh * r;     // the element-wise part of ∂h_{t-1}`,
};

// ── Vanilla RNN ────────────────────────────────────────────────────────────────────────────────
// S_t [B, H] = h_t      D_t [B, H] = δ_t

const RNN_FORWARD: StepKernel = {
  name: "RnnTanhForwardStep",
  inputs: ["P", "U", "Sp"],
  outWidth: 1,
  body: (B, H) => `
    var a = P[(t * ${B} + b) * ${H} + j];
    for (var m = 0; m < ${H}; m++) {
      a += Sp[b * ${H} + m] * U[m * ${H} + j];
    }
    result[b * ${H} + j] = tanh2(a); // h_t = tanh(W·[h_{t-1}, x_t] + b)`,
};

const RNN_BACKWARD: StepKernel = {
  name: "RnnTanhBackwardStep",
  inputs: ["S", "DY", "UT", "Dn"],
  outWidth: 1,
  body: (B, H) => `
    var dh = DY[(t * ${B} + b) * ${H} + j]; // ∂h_t = dY_t + δ_{t+1}·Uᵀ
    for (var n = 0; n < ${H}; n++) {
      dh += Dn[b * ${H} + n] * UT[n * ${H} + j];
    }
    let h = S[b * ${H} + j];
    result[b * ${H} + j] = dh * (1.0 - h * h); // δ_t = ∂h_t ⊙ (1 − h_t²)`,
};

const KERNELS = { LSTM_FORWARD, LSTM_BACKWARD, GRU_GATES, GRU_CANDIDATE, GRU_BACKWARD_UPDATE, GRU_BACKWARD_RESET, RNN_FORWARD, RNN_BACKWARD };
export type StepKernelName = keyof typeof KERNELS;

/** Registers the step kernels with tfjs for the webgpu backend (once; harmless where WebGPU is absent). */
export function registerStepKernels(): void {
  for (const kernel of Object.values(KERNELS)) {
    if (tf.getKernel(kernel.name, "webgpu") !== undefined) continue;
    tf.registerKernel({
      kernelName: kernel.name,
      backendName: "webgpu",
      kernelFunc: ({ inputs, backend, attrs }) => {
        const program = stepProgram(kernel, Number(attrs?.batch), Number(attrs?.hidden));
        const infos = kernel.inputs.map((name) => {
          const info = inputs[name];
          if (info === undefined) throw new Error(`${kernel.name}: input ${name} missing`);
          return info;
        });
        return (backend as WebGPUBackendLike).runWebGPUProgram(program, infos, "float32", [{ type: "int32", data: [Number(attrs?.t)] }]);
      },
    });
  }
}

/** Sizes of a layer's step: B rows, H units. */
export interface StepDims {
  B: number;
  H: number;
}

/** Runs step kernel `name` at step t (its inputs named as in the kernel above): one dispatch, a [B, width·H] tensor. */
export function runStep(name: StepKernelName, inputs: Record<string, tf.Tensor>, t: number, { B, H }: StepDims): tf.Tensor2D {
  return tf.engine().runKernel(KERNELS[name].name, inputs as tf.NamedTensorMap, { t, batch: B, hidden: H }) as tf.Tensor2D;
}

/** Whether the step kernels can run: the active backend is tfjs-backend-webgpu. */
export function stepKernelsAvailable(): boolean {
  return tf.getBackend() === "webgpu";
}
