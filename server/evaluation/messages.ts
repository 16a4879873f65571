/** The conversation between the evaluation pool (pool.ts) and its worker threads (evalWorker.ts). */
import type { ScoreResult } from "../../lib/leaderboard/score";

export type EvalBackend = "wasm" | "cpu";

export type ToEvalWorker =
  /** Keep this corpus for later jobs (train text for vocabulary and novelty, the evaluation window). */
  | { type: "corpus"; key: string; train: string; window: string }
  | { type: "forget"; key: string }
  | { type: "job"; jobId: number; corpusKey: string; weights: Uint8Array; sample: { text: string; prime: string } };

export type FromEvalWorker =
  | { type: "ready"; backend: EvalBackend }
  | { type: "result"; jobId: number; result: ScoreResult; ms: number }
  /** A file that cannot be scored (code from WeightsFormatError / ScoringError), or an internal failure. */
  | { type: "failed"; jobId: number; code: string; message: string };

/** Options the worker is started with (workerData). */
export interface EvalWorkerData {
  /** Preferred backend; the worker falls back to cpu when wasm cannot start. */
  backend: EvalBackend;
  /** Absolute path of @tensorflow/tfjs-backend-wasm's dist/ folder, with a trailing slash. */
  wasmPath: string;
}
