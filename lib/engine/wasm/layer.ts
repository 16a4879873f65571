/**
 * A recurrent layer over a whole window in the engine's own WebAssembly module (assembly/lstm.ts),
 * built for the CPU: the same equations as cells.ts, with the window's forward pass one call and
 * its backward pass (backpropagation through time and every weight gradient) another, instead of
 * ≈ 2,000 tfjs kernels. The network around it (output layer, softmax, loss) stays in tfjs
 * (fusedNetwork.ts), so the layer hands over tensors: its inputs and weights are copied into the
 * module's memory, h_t of every step and the gradients are copied out.
 *
 * Used on tfjs' WASM backend for LSTM layers whose hidden size is a multiple of 4 (the module works
 * on four units at a time); other cells and sizes run op-by-op (cells.ts).
 */
import * as tf from "@tensorflow/tfjs";
import { ENGINE_WASM_BASE64 } from "../../../generated/engineWasm";
import type { CellKind, LayerParams, LayerState } from "../cells";
import type { FusedInput, FusedLayerRun } from "../fusedNetwork";

/** What the module exports (byte addresses into `memory` for every array argument). */
interface EngineModule {
  memory: WebAssembly.Memory;
  lstmForward(
    T: number,
    B: number,
    H: number,
    D: number,
    x: number,
    ids: number,
    W: number,
    bias: number,
    U: number,
    hs: number,
    cs: number,
    gates: number,
    tanhC: number,
  ): void;
  lstmBackward(
    T: number,
    B: number,
    H: number,
    D: number,
    vocab: number,
    x: number,
    ids: number,
    W: number,
    U: number,
    hs: number,
    cs: number,
    gates: number,
    tanhC: number,
    dY: number,
    UT: number,
    dh: number,
    dc: number,
    dU: number,
    db: number,
    dW: number,
    dx: number,
    WT: number,
  ): void;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where this WebAssembly has no SIMD (compiled once, synchronously: it is 5 KB). */
function engineModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    const bytes = Uint8Array.from(atob(ENGINE_WASM_BASE64), (c) => c.charCodeAt(0));
    compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return compiled;
}

/** Whether a layer of this cell and size runs in the module on the current backend. */
export function wasmLayerAvailable(cell: CellKind, hiddenSize: number): boolean {
  return tf.getBackend() === "wasm" && cell === "lstm" && hiddenSize % 4 === 0 && engineModule() !== null;
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

/** A tensor holding a copy of `length` floats at `at`. */
function take(memory: WebAssembly.Memory, at: number, shape: [number] | [number, number]): tf.Tensor {
  const length = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(f32(memory, at, length).slice(), shape, "float32");
}

/** Runs one LSTM layer forward over all steps (call inside a tidy); `backward` gives its gradients. */
export function runWasmLayer(layer: number, params: LayerParams, input: FusedInput, state: LayerState): FusedLayerRun {
  if (state.c === null) throw new Error("LSTM state needs a cell state c");
  const owner = slot(layer);
  const { engine } = owner;
  const generation = ++owner.generation;
  const B = state.h.shape[0];
  const H = state.h.shape[1];
  const G = 4 * H;
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
  const cs = at.take((N + B) * H);
  const gates = at.take(N * G);
  const tanhC = at.take(N * H);
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
  put(memory, cs, state.c);
  engine.lstmForward(T, B, H, D, x, ids, W, bias, U, hs, cs, gates, tanhC);

  return {
    outputs: take(memory, hs + B * H * 4, [N, H]) as tf.Tensor2D,
    state: { h: take(memory, hs + N * H * 4, [B, H]) as tf.Tensor2D, c: take(memory, cs + N * H * 4, [B, H]) as tf.Tensor2D },
    backward(dOutputs, wantInputGrads) {
      if (owner.generation !== generation) throw new Error(`layer ${layer}'s window was overwritten by a later forward pass; run backward first`);
      put(memory, dY, dOutputs);
      const wantDx = dense && wantInputGrads;
      engine.lstmBackward(T, B, H, D, rows, x, ids, W, U, hs, cs, gates, tanhC, dY, UT, dh, dc, dU, db, dW, wantDx ? dx : 0, WT);
      return {
        kernel: take(memory, dW, [rows, G]) as tf.Tensor2D,
        recurrentKernel: take(memory, dU, [H, G]) as tf.Tensor2D,
        bias: take(memory, db, [G]) as tf.Tensor1D,
        inputs: wantDx ? (take(memory, dx, [N, D]) as tf.Tensor2D) : null,
      };
    },
  };
}
