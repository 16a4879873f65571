/**
 * The LSTM cell's element-wise work of one time step as two tfjs kernels for the backends whose
 * tensors live in CPU memory (wasm, cpu): the same equations as cells.ts (read them there), a few
 * loops over the step's B·H units instead of ≈ 50 small kernels.
 *
 * Why: on WASM a training step of the op-by-op LSTM ran 2,279 kernels, ≈ 2,000 of them element-wise
 * on [B, H] tensors at ≈ 13.5 µs each, dispatch included (`npm run bench:profile`). With these two
 * kernels a time step is the four gates' products (sigmoid fused in, as in the op-by-op path; with
 * a large one-hot vocabulary h_{t−1}·U_g and ROWS_SIGMOID) and LSTM_CELL_FORWARD; backward,
 * LSTM_CELL_BACKWARD and the product δ_t·Uᵀ. (One [B, 4H] product for all gates measured ≈ 1.6×
 * slower inside a training step than four [B, H] ones, though no slower alone.)
 *
 * tanh(c_t) is the backend's own Sigmoid kernel (vectorised on WASM; a JavaScript exp costs 15–40 ns),
 * called from inside the kernel, as 2σ(2x) − 1 like the op-by-op path; the rest is multiply-adds in
 * plain loops.
 *
 * Layouts (row-major float32, one row per sequence b):
 *   s_i, s_f, s_g, s_o  [B, H]  σ of each gate's pre-activation (the tanh gate's doubled)
 *   acts  [B, 5H]  what the backward step needs: [i, f, g, o, tanh c_t]
 *   h, c  [B, H]
 */
import * as tf from "@tensorflow/tfjs";

export const ROWS_SIGMOID = "RnnClassroomRowsSigmoid";
export const LSTM_CELL_FORWARD = "RnnClassroomLstmCellForward";
export const LSTM_CELL_BACKWARD = "RnnClassroomLstmCellBackward";

/** The backends these kernels are registered for: the ones that keep tensors in CPU memory. */
const CPU_SIDE_BACKENDS = ["wasm", "cpu"] as const;
type CpuSideName = (typeof CPU_SIDE_BACKENDS)[number];

/**
 * What a kernel needs of a CPU-side backend (typed here: the engine does not import the backend
 * packages). `view` must be taken after the last `alloc` or `sigmoid` it is used across: WASM's heap
 * may grow on allocation, which detaches earlier views.
 */
interface CpuSide {
  alloc(shape: number[]): tf.TensorInfo;
  view(info: tf.TensorInfo): Float32Array;
  ids(info: tf.TensorInfo): Int32Array;
  /** σ of every element, by the backend's own Sigmoid kernel. */
  sigmoid(info: tf.TensorInfo): tf.TensorInfo;
  free(info: tf.TensorInfo): void;
}

interface BackendLike {
  disposeData(dataId: object): void;
}
interface WasmBackendLike extends BackendLike {
  makeOutput(shape: number[], dtype: "float32"): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array;
}
interface CpuBackendLike extends BackendLike {
  data: { get(dataId: object): { values: Float32Array | Int32Array } };
  makeTensorInfo(shape: number[], dtype: "float32", values: Float32Array): tf.TensorInfo;
}

function cpuSide(name: CpuSideName, backend: BackendLike): CpuSide {
  const sigmoidKernel = tf.getKernel("Sigmoid", name);
  if (sigmoidKernel === undefined) throw new Error(`no Sigmoid kernel on ${name}`);
  const common = {
    sigmoid: (x: tf.TensorInfo) => sigmoidKernel.kernelFunc({ inputs: { x }, backend, attrs: {} }) as tf.TensorInfo,
    free: (info: tf.TensorInfo) => backend.disposeData(info.dataId),
  };
  if (name === "wasm") {
    const wasm = backend as WasmBackendLike;
    return {
      ...common,
      alloc: (shape) => wasm.makeOutput(shape, "float32"),
      view: (info) => wasm.typedArrayFromHeap(info) as Float32Array,
      ids: (info) => wasm.typedArrayFromHeap(info) as Int32Array,
    };
  }
  const cpu = backend as CpuBackendLike;
  return {
    ...common,
    alloc: (shape) => cpu.makeTensorInfo(shape, "float32", new Float32Array(shape.reduce((a, b) => a * b, 1))),
    view: (info) => cpu.data.get(info.dataId).values as Float32Array,
    ids: (info) => cpu.data.get(info.dataId).values as Int32Array,
  };
}

/**
 * One-hot input by row lookup (large vocabularies, cells.ts): s = σ(z + row id_b of `rows`) for every
 * row b. The rows are added in a loop here: tfjs-wasm's GatherV2 took ≈ 5 ms for these 128 rows.
 */
function rowsSigmoid(io: CpuSide, z: tf.TensorInfo, rows: tf.TensorInfo, ids: tf.TensorInfo): tf.TensorInfo {
  const [B, G] = z.shape;
  const pre = io.alloc([B, G]);
  addRows(B, G, io.view(z), io.view(rows), io.ids(ids), io.view(pre));
  const s = io.sigmoid(pre);
  io.free(pre);
  return s;
}

function addRows(B: number, G: number, z: Float32Array, rows: Float32Array, ids: Int32Array, pre: Float32Array): void {
  for (let b = 0; b < B; b++) {
    const r = b * G;
    const l = ids[b] * G;
    for (let k = 0; k < G; k++) pre[r + k] = z[r + k] + rows[l + k];
  }
}

/**
 * Forward, from the gates' sigmoids s = [s_i, s_f, s_g, s_o] (the caller's products with sigmoid fused
 * in, the g gate's pre-activation doubled: tanh(x) = 2σ(2x) − 1):
 *   i = s_i  f = s_f  g = 2s_g − 1  o = s_o      c_t = f ⊙ c_{t−1} + i ⊙ g      h_t = o ⊙ tanh(c_t)
 * Two loops around the backend's Sigmoid kernel for tanh(c_t) (each loop its own small function,
 * so V8 compiles it for Float32Arrays alone).
 */
function cellForward(io: CpuSide, s: tf.TensorInfo[], cPrev: tf.TensorInfo): tf.TensorInfo[] {
  const [B, H] = cPrev.shape;
  const [h, c, acts, twoC] = [io.alloc([B, H]), io.alloc([B, H]), io.alloc([B, 5 * H]), io.alloc([B, H])];
  const [si, sf, sg, so] = s.map((x) => io.view(x));
  gatesAndCell(B, H, si, sf, sg, so, io.view(cPrev), io.view(c), io.view(acts), io.view(twoC));
  const sc = io.sigmoid(twoC);
  io.free(twoC);
  hidden(B, H, io.view(sc), io.view(acts), io.view(h));
  io.free(sc);
  return [h, c, acts];
}

/** From the gates' sigmoids: acts' [i, f, g, o], c_t = f ⊙ c_{t−1} + i ⊙ g, and 2c_t. */
function gatesAndCell(
  B: number,
  H: number,
  si: Float32Array,
  sf: Float32Array,
  sg: Float32Array,
  so: Float32Array,
  cPrev: Float32Array,
  c: Float32Array,
  acts: Float32Array,
  twoC: Float32Array,
): void {
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < H; j++) {
      const k = b * H + j;
      const a = b * 5 * H + j;
      const i = si[k];
      const f = sf[k];
      const g = 2 * sg[k] - 1;
      const o = so[k];
      const cNew = f * cPrev[k] + i * g;
      c[k] = cNew;
      twoC[k] = 2 * cNew;
      acts[a] = i;
      acts[a + H] = f;
      acts[a + 2 * H] = g;
      acts[a + 3 * H] = o;
    }
  }
}

/** tanh c_t = 2σ(2c_t) − 1 into acts, and h_t = o ⊙ tanh c_t. */
function hidden(B: number, H: number, sigmoidTwoC: Float32Array, acts: Float32Array, h: Float32Array): void {
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < H; j++) {
      const a = b * 5 * H + j;
      const tc = 2 * sigmoidTwoC[b * H + j] - 1;
      acts[a + 4 * H] = tc;
      h[b * H + j] = acts[a + 3 * H] * tc;
    }
  }
}

/**
 * Backward, from ∂h_t = dY_t + ∂h from step t+1 and ∂c_{t+1} ⊙ f_{t+1} (both absent at the last step):
 *   ∂c_t = ∂c_{t+1} ⊙ f_{t+1} + ∂h_t ⊙ o ⊙ (1 − tanh²c_t)
 *   δi = ∂c_t ⊙ g ⊙ i(1 − i)    δf = ∂c_t ⊙ c_{t−1} ⊙ f(1 − f)
 *   δg = ∂c_t ⊙ i ⊙ (1 − g²)    δo = ∂h_t ⊙ tanh c_t ⊙ o(1 − o)
 *   out: δ_t = [δi, δf, δg, δo] [B, 4H] and ∂c_t ⊙ f_t [B, H] (the next backward step's ∂c term)
 */
function cellBackward(
  io: CpuSide,
  acts: tf.TensorInfo,
  cPrev: tf.TensorInfo,
  dY: tf.TensorInfo,
  dhNext: tf.TensorInfo | undefined,
  dcNext: tf.TensorInfo | undefined,
): tf.TensorInfo[] {
  const [B, H] = cPrev.shape;
  const [delta, dcPrev] = [io.alloc([B, 4 * H]), io.alloc([B, H])];
  const dh = io.view(dY).slice(); // ∂h_t = dY_t + ∂h from step t+1
  if (dhNext !== undefined) addInto(dh, io.view(dhNext));
  const dcFromNext = dcNext === undefined ? new Float32Array(B * H) : io.view(dcNext);
  gateDeltas(B, H, io.view(acts), io.view(cPrev), dh, dcFromNext, io.view(delta), io.view(dcPrev));
  return [delta, dcPrev];
}

function addInto(into: Float32Array, x: Float32Array): void {
  for (let k = 0; k < into.length; k++) into[k] += x[k];
}

function gateDeltas(
  B: number,
  H: number,
  acts: Float32Array,
  cPrev: Float32Array,
  dhs: Float32Array,
  dcNext: Float32Array,
  delta: Float32Array,
  dcPrev: Float32Array,
): void {
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < H; j++) {
      const k = b * H + j;
      const a = b * 5 * H + j;
      const d = b * 4 * H + j;
      const i = acts[a];
      const f = acts[a + H];
      const g = acts[a + 2 * H];
      const o = acts[a + 3 * H];
      const tc = acts[a + 4 * H];
      const dh = dhs[k];
      const dc = dh * o * (1 - tc * tc) + dcNext[k];
      delta[d] = dc * g * i * (1 - i);
      delta[d + H] = dc * cPrev[k] * f * (1 - f);
      delta[d + 2 * H] = dc * i * (1 - g * g);
      delta[d + 3 * H] = dh * tc * o * (1 - o);
      dcPrev[k] = dc * f;
    }
  }
}

let registered = false;

/** Registers both kernels for the CPU-side backends (once). */
function registerLstmCellKernels(): void {
  if (registered) return;
  registered = true;
  for (const name of CPU_SIDE_BACKENDS) {
    tf.registerKernel({
      kernelName: ROWS_SIGMOID,
      backendName: name,
      kernelFunc: ({ inputs, backend }) => {
        const { z, rows, ids } = inputs as Record<string, tf.TensorInfo | undefined>;
        if (z === undefined || rows === undefined || ids === undefined) throw new Error(`${ROWS_SIGMOID} needs z, rows and ids`);
        return rowsSigmoid(cpuSide(name, backend as BackendLike), z, rows, ids);
      },
    });
    tf.registerKernel({
      kernelName: LSTM_CELL_FORWARD,
      backendName: name,
      kernelFunc: ({ inputs, backend }) => {
        const { i, f, g, o, c } = inputs as Record<string, tf.TensorInfo | undefined>;
        if (i === undefined || f === undefined || g === undefined || o === undefined || c === undefined)
          throw new Error(`${LSTM_CELL_FORWARD} needs i, f, g, o and c`);
        return cellForward(cpuSide(name, backend as BackendLike), [i, f, g, o], c);
      },
    });
    tf.registerKernel({
      kernelName: LSTM_CELL_BACKWARD,
      backendName: name,
      kernelFunc: ({ inputs, backend }) => {
        const { acts, cPrev, dY, dhNext, dcNext } = inputs as Record<string, tf.TensorInfo | undefined>;
        if (acts === undefined || cPrev === undefined || dY === undefined) throw new Error(`${LSTM_CELL_BACKWARD} needs acts, cPrev and dY`);
        return cellBackward(cpuSide(name, backend as BackendLike), acts, cPrev, dY, dhNext, dcNext);
      },
    });
  }
}

/** True when the current backend has the kernels (wasm, cpu). */
export function lstmCellKernelsAvailable(): boolean {
  registerLstmCellKernels();
  return tf.getKernel(LSTM_CELL_FORWARD, tf.getBackend()) !== undefined;
}

/** σ(z + rows[ids]): a gate's sigmoid when the step's one-hot input is looked up by row.   [B, H] */
export function rowsSigmoidOf(z: tf.Tensor2D, rows: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  return tf.engine().runKernel(ROWS_SIGMOID, { z, rows, ids } as unknown as tf.NamedTensorMap) as tf.Tensor2D;
}

/** One forward step from the gates' sigmoids (see cellForward): h_t, c_t and the activations the backward step needs. */
export function lstmCellForward([i, f, g, o]: tf.Tensor2D[], c: tf.Tensor2D): { h: tf.Tensor2D; c: tf.Tensor2D; acts: tf.Tensor2D } {
  const [h, cOut, acts] = tf.engine().runKernel(LSTM_CELL_FORWARD, { i, f, g, o, c } as unknown as tf.NamedTensorMap) as tf.Tensor2D[];
  return { h, c: cOut, acts };
}

/** One backward step: δ_t [B, 4H] and ∂c_t ⊙ f_t [B, H]. */
export function lstmCellBackward(
  acts: tf.Tensor2D,
  cPrev: tf.Tensor2D,
  dY: tf.Tensor2D,
  dhNext: tf.Tensor2D | null,
  dcNext: tf.Tensor2D | null,
): { delta: tf.Tensor2D; dcPrev: tf.Tensor2D } {
  const inputs: Record<string, tf.Tensor> = { acts, cPrev, dY };
  if (dhNext !== null) inputs.dhNext = dhNext;
  if (dcNext !== null) inputs.dcNext = dcNext;
  const [delta, dcPrev] = tf.engine().runKernel(LSTM_CELL_BACKWARD, inputs as unknown as tf.NamedTensorMap) as tf.Tensor2D[];
  return { delta, dcPrev };
}
