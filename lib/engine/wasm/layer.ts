/**
 * The engine's WebAssembly module (assembly/layers.ts) as fusedNetwork.ts's layers, built for the
 * CPU: a recurrent layer's window is one call forward and one backward (backpropagation through time
 * and every weight gradient), and the output layer with softmax and log p(target) one call, instead
 * of ≈ 700–2,000 tfjs kernels; the same equations as cells.ts. Tensors are handed over by copying:
 * inputs and weights into the module's memory, h_t of every step, log p(target) and the gradients out.
 *
 * Used on tfjs' WASM backend for every cell whose hidden size is a multiple of 4 (the module works
 * on four units at a time); other sizes run op-by-op (cells.ts).
 */
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { ENGINE_WASM_BASE64 } from "../../../generated/engineWasm";
import { GATE_COUNT, type CellKind, type LayerParams, type LayerState } from "../cells";
import type { FusedInput, FusedLayerRun, LossRule, OutputRun } from "../fusedNetwork";

/** A pass: it reads its sizes and array addresses from the record (Window or Head) at `at`. */
type Pass = (at: number) => void;

/** What the module exports: per cell a forward and a backward pass, and the output layer (assembly/layers.ts). */
type EngineModule = { memory: WebAssembly.Memory; outputLayer: Pass } & Record<`${CellKind}Forward` | `${CellKind}Backward`, Pass>;

/** The fields of assembly/layers.ts's Window, in its order (32-bit integers: sizes, then byte addresses; 0 = none). */
const WINDOW_FIELDS = [
  "T",
  "B",
  "H",
  "D",
  "vocab",
  "x",
  "ids",
  "W",
  "bias",
  "U",
  "hs",
  "cs",
  "gates",
  "aux",
  "dY",
  "UT",
  "dh",
  "dc",
  "dU",
  "db",
  "dW",
  "dx",
  "WT",
] as const;
type Window = Record<(typeof WINDOW_FIELDS)[number], number>;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where this WebAssembly has no SIMD (compiled once, synchronously: it is ≈ 10 KB). */
function engineModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    const bytes = Uint8Array.from(atob(ENGINE_WASM_BASE64), (c) => c.charCodeAt(0));
    compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return compiled;
}

/** Whether layers of this size run in the module on the current backend. */
export function wasmLayerAvailable(hiddenSize: number): boolean {
  return tf.getBackend() === "wasm" && hiddenSize % 4 === 0 && engineModule() !== null;
}

/**
 * One instance (one memory) per layer of the network, reused from window to window: layer l's
 * arrays must live from its forward pass to its backward pass while the other layers run.
 * `generation` counts forward passes, so a backward pass whose arrays were overwritten refuses.
 */
interface Slot {
  engine: EngineModule;
  generation: number;
}
const slots: Slot[] = [];
/** The output layer's instance: it keeps nothing between calls. */
let outputEngine: EngineModule | null = null;

function instantiate(): EngineModule {
  const module = engineModule();
  if (module === null) throw new Error("this browser's WebAssembly has no SIMD");
  return new WebAssembly.Instance(module, {}).exports as unknown as EngineModule;
}

function slot(layer: number): Slot {
  while (slots.length <= layer) slots.push({ engine: instantiate(), generation: 0 });
  return slots[layer];
}

/** Byte addresses of the arrays of one pass, 16-byte aligned, after its record (Window or Head); address 0 stays unused (it means "none"). */
const WINDOW_AT = 16;
class Layout {
  end: number;
  constructor(recordFields: number) {
    this.end = WINDOW_AT + Math.ceil((recordFields * 4) / 16) * 16;
  }
  take(floats: number): number {
    const at = this.end;
    this.end += Math.ceil((floats * 4) / 16) * 16;
    return at;
  }
}

/** Makes the memory at least `bytes` long. */
function reserve(memory: WebAssembly.Memory, bytes: number): void {
  const PAGE = 65_536;
  const missing = Math.ceil((bytes - memory.buffer.byteLength) / PAGE);
  if (missing > 0) memory.grow(missing);
}

const f32 = (memory: WebAssembly.Memory, at: number, length: number) => new Float32Array(memory.buffer, at, length);

/**
 * tfjs' WASM backend keeps every tensor's values in its own WebAssembly memory. Tensors go in and
 * out of this module's memory by copying straight between the two memories (typedArrayFromHeap is
 * a view, not a copy): dataSync() and slice() would allocate a new buffer of several MB for each
 * tensor, and in Chromium those allocations cost as much as a third of a training step.
 */
const wasmBackend = () => tf.backend() as BackendWasm;

/** Copies a tensor's values into the module's memory at `at`. */
function put(memory: WebAssembly.Memory, at: number, tensor: tf.Tensor): void {
  const values = wasmBackend().typedArrayFromHeap(tensor);
  (values instanceof Int32Array ? new Int32Array(memory.buffer, at, values.length) : f32(memory, at, values.length)).set(values);
}

/** Writes a pass's record (Window or Head) at WINDOW_AT: its fields' values in the module's order, as 32-bit integers. */
function writeRecord<F extends string>(memory: WebAssembly.Memory, fields: readonly F[], values: Record<F, number>): void {
  new Int32Array(memory.buffer, WINDOW_AT, fields.length).set(fields.map((field) => values[field]));
}

/** The fields of assembly/layers.ts's Head, in its order (32-bit: sizes, the flag, the float floor, then byte addresses). */
const HEAD_FIELDS = ["N", "H", "V", "wantGradients", "minProbability", "top", "W", "bias", "targets", "logits", "logProbs", "WT", "dW", "db", "dTop"] as const;

/**
 * The output layer, softmax and log p(target) over all N positions in the module (fusedNetwork.ts's
 * OutputRunner; call inside a tidy). Only h^top, the weights and the targets go in, and log p(target),
 * ∂W_out, ∂b_out and ∂h^top come out: the [N, V] logits never leave the module (with the Korean
 * vocabulary, V = 1,481, they are 30 MB a step).
 */
export function runWasmOutput(
  top: tf.Tensor2D,
  kernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  targets: Int32Array,
  rule: LossRule,
  wantGradients: boolean,
): OutputRun {
  outputEngine ??= instantiate();
  const { memory } = outputEngine;
  const [N, H] = top.shape;
  const V = kernel.shape[1];
  const at = new Layout(HEAD_FIELDS.length);
  const head = {
    N,
    H,
    V,
    wantGradients: wantGradients ? 1 : 0,
    minProbability: 0, // written as a float below
    top: at.take(N * H),
    W: at.take(H * V),
    bias: at.take(V),
    targets: at.take(N),
    logits: at.take(N * V),
    logProbs: at.take(N),
    WT: at.take(V * H),
    dW: at.take(H * V),
    db: at.take(V),
    dTop: at.take(N * H),
  };
  reserve(memory, at.end);
  put(memory, head.top, top);
  put(memory, head.W, kernel);
  put(memory, head.bias, bias);
  new Int32Array(memory.buffer, head.targets, N).set(targets);
  writeRecord(memory, HEAD_FIELDS, head);
  f32(memory, WINDOW_AT + HEAD_FIELDS.indexOf("minProbability") * 4, 1)[0] = rule.minProbability;
  outputEngine.outputLayer(WINDOW_AT);
  const logProbs = take(memory, head.logProbs, [N]) as tf.Tensor1D;
  if (!wantGradients) return { logProbs, grads: null };
  return {
    logProbs,
    grads: {
      kernel: take(memory, head.dW, [H, V]) as tf.Tensor2D,
      bias: take(memory, head.db, [V]) as tf.Tensor1D,
      top: take(memory, head.dTop, [N, H]) as tf.Tensor2D,
    },
  };
}

/** A new tensor holding a copy of the floats at `at` (makeOutput copies them into the backend's memory). */
function take(memory: WebAssembly.Memory, at: number, shape: [number] | [number, number]): tf.Tensor {
  const length = shape.reduce((a, b) => a * b, 1);
  const backend = wasmBackend();
  return tf.engine().makeTensorFromTensorInfo(backend.makeOutput(shape, "float32", undefined, f32(memory, at, length)), backend);
}

/** Runs one layer forward over all steps (call inside a tidy); `backward` gives its gradients. */
export function runWasmLayer(cell: CellKind, layer: number, params: LayerParams, input: FusedInput, state: LayerState): FusedLayerRun {
  if (cell === "lstm" && state.c === null) throw new Error("LSTM state needs a cell state c");
  const owner = slot(layer);
  const { engine } = owner;
  const generation = ++owner.generation;
  const B = state.h.shape[0];
  const H = state.h.shape[1];
  const G = GATE_COUNT[cell] * H;
  const [rows] = params.kernel.shape; // D, or V for one-hot
  const dense = "x" in input;
  const N = dense ? input.x.shape[0] : input.ids.shape[0];
  const T = N / B;
  const D = dense ? rows : 0;

  const at = new Layout(WINDOW_FIELDS.length);
  const window: Window = {
    T,
    B,
    H,
    D,
    vocab: rows,
    x: dense ? at.take(N * D) : 0,
    ids: dense ? 0 : at.take(N),
    W: at.take(rows * G),
    bias: at.take(G),
    U: at.take(H * G),
    hs: at.take((N + B) * H),
    cs: at.take(cell === "lstm" ? (N + B) * H : 0),
    gates: at.take(N * G),
    aux: at.take(cell === "rnn" ? 0 : N * H), // tanh(c_t) (LSTM), r_t ⊙ h_{t−1} (GRU)
    // The backward pass's arrays, laid out now so the memory grows once.
    dY: at.take(N * H),
    UT: at.take(G * H),
    dh: at.take(B * H),
    dc: at.take(B * H),
    dU: at.take(H * G),
    db: at.take(G),
    dW: at.take(rows * G),
    dx: 0, // set by the backward pass when ∂x is wanted
    WT: dense ? at.take(G * D) : 0,
  };
  const dx = dense ? at.take(N * D) : 0;
  const { memory } = engine;
  reserve(memory, at.end);

  if (dense) put(memory, window.x, input.x);
  else put(memory, window.ids, input.ids);
  put(memory, window.W, params.kernel);
  put(memory, window.bias, params.bias);
  put(memory, window.U, params.recurrentKernel);
  put(memory, window.hs, state.h);
  if (state.c !== null) put(memory, window.cs, state.c);
  writeRecord(memory, WINDOW_FIELDS, window);
  engine[`${cell}Forward`](WINDOW_AT);

  const last = (array: number) => take(memory, array + N * H * 4, [B, H]) as tf.Tensor2D;
  return {
    outputs: take(memory, window.hs + B * H * 4, [N, H]) as tf.Tensor2D,
    state: { h: last(window.hs), c: cell === "lstm" ? last(window.cs) : null },
    backward(dOutputs, wantInputGrads) {
      if (owner.generation !== generation) throw new Error(`layer ${layer}'s window was overwritten by a later forward pass; run backward first`);
      put(memory, window.dY, dOutputs);
      const wantDx = dense && wantInputGrads;
      writeRecord(memory, WINDOW_FIELDS, { ...window, dx: wantDx ? dx : 0 });
      engine[`${cell}Backward`](WINDOW_AT);
      return {
        kernel: take(memory, window.dW, [rows, G]) as tf.Tensor2D,
        recurrentKernel: take(memory, window.dU, [H, G]) as tf.Tensor2D,
        bias: take(memory, window.db, [G]) as tf.Tensor1D,
        inputs: wantDx ? (take(memory, dx, [N, D]) as tf.Tensor2D) : null,
      };
    },
  };
}
