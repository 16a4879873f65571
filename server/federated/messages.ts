/** The conversation between the aggregator (aggregator.ts) and its worker thread (aggregateWorker.ts). */
import type { CharRNNConfig } from "../../lib/engine/config";
import type { Combiner, RefusalReason } from "../../lib/federated/combine";

export interface AggregateJob {
  type: "aggregate";
  jobId: number;
  config: CharRNNConfig;
  vocabulary: string[];
  /** The round's base version (.rnnw); null: the configuration's seeded initialisation (version 0). */
  base: Uint8Array | null;
  /**
   * With base null: the training split, encoded with `vocabulary` — version 0's output bias starts from
   * its character frequencies, as every run in the lab starts (unigramStartBias). Null otherwise.
   */
  trainIds: Int32Array | null;
  /** The version before the base (.rnnw), for the server step's momentum (F16); null for rounds 0 and version 0. */
  previous: Uint8Array | null;
  /** Accepted uploads of the round (.rnnw) with their counted characters (F6). */
  updates: { id: string; bytes: Uint8Array; chars: number }[];
  combiner: Combiner;
  /** The validation split the new version is scored on (F14), encoded with `vocabulary`. */
  validationIds: Int32Array;
  /** The `step` written into the new version's weight file. */
  step: number;
  /** The model session's temperature: each version writes one sample at it (the sample wall, L16). */
  temperature: number;
}

export type AggregateOutcome =
  | {
      kind: "version";
      weights: Uint8Array;
      valLoss: number;
      sample: string;
      shares: [string, number][];
      refused: { id: string; reason: RefusalReason }[];
      ms: number;
    }
  /** F10: every update was refused; the round reopens. */
  | { kind: "empty"; refused: { id: string; reason: RefusalReason }[]; ms: number };

export type FromAggregateWorker =
  { type: "ready" } | { type: "done"; jobId: number; outcome: AggregateOutcome } | { type: "failed"; jobId: number; message: string };

export interface AggregateWorkerData {
  /** Absolute path of @tensorflow/tfjs-backend-wasm's dist/ folder, with a trailing slash. */
  wasmPath: string;
}
