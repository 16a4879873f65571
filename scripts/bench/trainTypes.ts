/**
 * What scripts/bench/trainPage.ts (in headless Chromium) exposes to scripts/bench-train.ts (Node)
 * as `window.benchTrain`. Types only: imported by both sides.
 */
export const TRAIN_BACKENDS = ["wasm", "webgl", "webgpu", "cpu"] as const;
export type TrainBackend = (typeof TRAIN_BACKENDS)[number];

/**
 * The engine (lib/engine CharRNN + Trainer, its default path on the backend: on webgpu the fused
 * WGSL kernels of lib/engine/gpu), the same engine forced to its op-by-op path, or the equivalent
 * tf.layers model.
 */
export type TrainSide = "engine" | "opByOp" | "layers";

/** Kernel dispatches of one training step: in all, and per time step (the growth from T = 20 to T = 40, ÷ 20). */
export interface DispatchCount {
  perStep: number;
  perTimeStep: number;
}

export interface BackendInfo {
  /** XNNPACK threads of the WASM backend (1 elsewhere). */
  threads: number;
  /** The backend tfjs reports as active after setBackend. */
  active: string;
  /** tf.backend().floatPrecision(): 16 on software WebGL. */
  floatPrecision: number;
  /** Whether the page is cross-origin isolated (COOP/COEP served). */
  crossOriginIsolated: boolean;
  vocabSize: number;
  trainChars: number;
  /** Characters of input per step (B·T). */
  charsPerStep: number;
}

export interface StepResult {
  /** Wall time of the step, loss read back included (ms). */
  ms: number;
  /** Loss of the batch before the update (nats per character). */
  loss: number;
}

export interface BenchTrainApi {
  /** Activates `backend` (cpu first, as the app does; wasm with `threads` threads); throws if it does not initialise. */
  init(backend: TrainBackend, threads: number): Promise<BackendInfo>;
  /** Kernel dispatches of one engine training step per cell (after a first, compiling step). */
  dispatches(): Promise<Record<string, DispatchCount>>;
  /** (Re)builds `side`'s model with the headline config and its batch source (seeded: both sides see the same batches). */
  start(side: TrainSide): void;
  /** One training step of `side` on its next batch. */
  step(side: TrainSide): Promise<StepResult>;
}

declare global {
  interface Window {
    benchTrain?: BenchTrainApi;
  }
}
