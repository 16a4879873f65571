/**
 * A simulated student for bench:federated, in a worker thread: receives a round (class-model values,
 * shard, steps) and answers with its trained values, exactly as a browser's worker would (lib/federated/local.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { vocabularyFromChars, type CharRNNConfig } from "../../lib/engine";
import { trainLocalRound } from "../../lib/federated/local";

export interface StudentJob {
  jobId: number;
  config: CharRNNConfig;
  vocabulary: string[];
  base: Float32Array;
  round: number;
  shardStart: number;
  shardIds: Int32Array;
  validationIds: Int32Array;
  steps: number;
}

const port = parentPort;
if (!port) throw new Error("federatedStudent.ts runs in a worker thread");
setWasmPaths((workerData as { wasmPath: string }).wasmPath);
await tf.setBackend("wasm");
await tf.ready();
port.on("message", (job: StudentJob) => {
  const result = trainLocalRound({ ...job, vocabulary: vocabularyFromChars(job.vocabulary) });
  port.postMessage({ jobId: job.jobId, ...result }, [result.values.buffer as ArrayBuffer]);
});
port.postMessage({ ready: true });
