/**
 * A recurrent layer over a whole window in the engine's own WebAssembly module (assembly/layers.ts),
 * built for the CPU: the same equations as cells.ts, with the window's forward pass one call and
 * its backward pass (backpropagation through time and every weight gradient) another, instead of
 * ≈ 700–2,000 tfjs kernels. The network around it (output layer, softmax, loss) stays in tfjs
 * (fusedNetwork.ts), so the layer hands over tensors: its inputs and weights are copied into the
 * module's memory, h_t of every step and the gradients are copied out.
 *
 * Used on tfjs' WASM backend for every cell whose hidden size is a multiple of 4 (the module works
 * on four units at a time); other sizes run op-by-op (cells.ts).
 */
import * as tf from "@tensorflow/tfjs";
import { ENGINE_WASM_BASE64 } from "../../../generated/engineWasm";
import { GATE_COUNT, type CellKind, type LayerParams, type LayerState } from "../cells";
import type { FusedInput, FusedLayerRun } from "../fusedNetwork";

/** forward(T, B, H, D, x, ids, W, bias, U, hs, cs, gates, aux): every array argument is a byte address into the module's memory. */
type Forward = (...sizesAndAddresses: number[]) => void;
/** backward(T, B, H, D, vocab, x, ids, W, U, hs, cs, gates, aux, dY, UT, dh, dc, dU, db, dW, dx, WT). */
type Backward = (...sizesAndAddresses: number[]) => void;

/** What the module exports: per cell a forward and a backward pass over a window (arguments: assembly/layers.ts). */
type EngineModule = { memory: WebAssembly.Memory } & Record<`${CellKind}Forward`, Forward> & Record<`${CellKind}Backward`, Backward>;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where this WebAssembly has no SIMD (compiled once, synchronously: it is ≈ 7 KB). */
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

function slot(layer: number): Slot {
  while (slots.length <= layer) {
    const module = engineModule();
    if (module === null) throw new Error("this browser's WebAssembly has no SIMD");
    slots.push({ engine: new WebAssembly.Instance(module, {}).exports as unknown as EngineModule, generation: 0 });
  }
  return slots[layer];
}

/** Byte addresses of the arrays of one window, 16-byte aligned; address 0 stays unused (it means "none"). */
class Layout {
  end = 16;
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

/** Copies a tensor's values into the module's memory at `at`. */
function put(memory: WebAssembly.Memory, at: number, tensor: tf.Tensor): void {
  const values = tensor.dataSync();
  (values instanceof Int32Array ? new Int32Array(memory.buffer, at, values.length) : f32(memory, at, values.length)).set(values);
}

/** A tensor holding a copy of the floats at `at`. */
function take(memory: WebAssembly.Memory, at: number, shape: [number] | [number, number]): tf.Tensor {
  const length = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(f32(memory, at, length).slice(), shape, "float32");
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

  const at = new Layout();
  const x = dense ? at.take(N * D) : 0;
  const ids = dense ? 0 : at.take(N);
  const W = at.take(rows * G);
  const bias = at.take(G);
  const U = at.take(H * G);
  const hs = at.take((N + B) * H);
  const cs = at.take(cell === "lstm" ? (N + B) * H : 0);
  const gates = at.take(N * G);
  const aux = at.take(cell === "rnn" ? 0 : N * H); // tanh(c_t) (LSTM), r_t ⊙ h_{t−1} (GRU)
  // The backward pass's arrays, laid out now so the memory grows once.
  const dY = at.take(N * H);
  const UT = at.take(G * H);
  const dh = at.take(B * H);
  const dc = at.take(B * H);
  const dU = at.take(H * G);
  const db = at.take(G);
  const dW = at.take(rows * G);
  const dx = dense ? at.take(N * D) : 0;
  const WT = dense ? at.take(G * D) : 0;
  const { memory } = engine;
  reserve(memory, at.end);

  if (dense) put(memory, x, input.x);
  else put(memory, ids, input.ids);
  put(memory, W, params.kernel);
  put(memory, bias, params.bias);
  put(memory, U, params.recurrentKernel);
  put(memory, hs, state.h);
  if (state.c !== null) put(memory, cs, state.c);
  engine[`${cell}Forward`](T, B, H, D, x, ids, W, bias, U, hs, cs, gates, aux);

  const last = (array: number) => take(memory, array + N * H * 4, [B, H]) as tf.Tensor2D;
  return {
    outputs: take(memory, hs + B * H * 4, [N, H]) as tf.Tensor2D,
    state: { h: last(hs), c: cell === "lstm" ? last(cs) : null },
    backward(dOutputs, wantInputGrads) {
      if (owner.generation !== generation) throw new Error(`layer ${layer}'s window was overwritten by a later forward pass; run backward first`);
      put(memory, dY, dOutputs);
      const wantDx = dense && wantInputGrads;
      engine[`${cell}Backward`](T, B, H, D, rows, x, ids, W, U, hs, cs, gates, aux, dY, UT, dh, dc, dU, db, dW, wantDx ? dx : 0, WT);
      return {
        kernel: take(memory, dW, [rows, G]) as tf.Tensor2D,
        recurrentKernel: take(memory, dU, [H, G]) as tf.Tensor2D,
        bias: take(memory, db, [G]) as tf.Tensor1D,
        inputs: wantDx ? (take(memory, dx, [N, D]) as tf.Tensor2D) : null,
      };
    },
  };
}
