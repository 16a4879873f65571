/**
 * The conversation between a page and its training Web Worker (app/training/trainer.worker.ts).
 * Page → worker: set up a run, train / pause / stop, sample, export weights.
 * Worker → page: which backend it chose and why, progress (≤ 4 a second), checkpoints, samples.
 */
import type { CharRNNConfig } from "../../lib/engine/config";

export const BACKENDS = ["webgpu", "webgl", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = BackendName | "auto";

/** What the backend probe found for one candidate. */
export interface BackendTrial {
  backend: BackendName;
  status: "chosen" | "ok" | "unavailable" | "inaccurate" | "failed";
  /** Measured training speed on this run's model. */
  charsPerSec?: number;
  /** Why it was not chosen (or failed), as a code and its numbers; the page words it (BackendInfo.tsx). */
  reason?: BackendReason;
}

/** One WASM thread count that was timed (or the page could not run threads at all). */
export type ThreadTrial = { threads: number; stepMs: number } | { noThreads: true };

/**
 * The reasons the backend probe gives, with what the sentence needs; translated in the UI from
 * `training.reason.<code>` in lib/i18n, so a Korean lab says why in Korean.
 */
export type BackendReason =
  | { code: "noAdapter" }
  | { code: "notStarted" }
  | { code: "halfFloats" }
  | { code: "probeMismatch"; loss: number; cpuLoss: number }
  | { code: "slowerThan"; than: BackendName }
  | { code: "slowerAtLeast"; leastMs: number; bestMs: number; than: BackendName }
  | { code: "threads"; threads: number; tried: ThreadTrial[] }
  /** An exception's own message (from tfjs or the browser): shown as it is. */
  | { code: "error"; message: string };

export type ToWorker =
  | {
      type: "init";
      config: CharRNNConfig;
      train: string;
      validation: string;
      backend: BackendChoice;
      /** Weights of a checkpoint to continue from (the same run after a reload). */
      resume: Uint8Array | null;
    }
  | { type: "train" }
  | { type: "pause" }
  | { type: "sample"; requestId: number; prime: string; length: number; temperature: number; topK: number; seed: number }
  | { type: "export"; requestId: number };

export interface Progress {
  step: number;
  /** Mean cross-entropy of the latest batches, nats per character (NaN if training diverged). */
  trainLoss: number;
  /** Validation loss in nats, measured every few seconds (null before the first). */
  valLoss: number | null;
  /** True on the first progress after a new validation: the curve plots valLoss only at these steps. */
  validated: boolean;
  charsPerSec: number;
}

export type FromWorker =
  | { type: "ready"; backend: BackendName; trials: BackendTrial[]; vocabSize: number; step: number }
  | { type: "progress"; progress: Progress }
  | { type: "checkpoint"; step: number; valLoss: number | null; weights: Uint8Array }
  | { type: "sampleChunk"; requestId: number; text: string }
  | { type: "sampleDone"; requestId: number; text: string }
  | { type: "exported"; requestId: number; weights: Uint8Array; step: number }
  | { type: "error"; message: string };
