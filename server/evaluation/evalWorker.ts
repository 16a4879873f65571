/**
 * An evaluation worker thread: tfjs on wasm (cpu when wasm cannot start), scoring submissions
 * with lib/leaderboard/score.ts — the same engine code the browsers train with. Jobs arrive one at
 * a time from pool.ts; the event loop of the main thread never runs tfjs.
 */
import { parentPort, workerData } from "node:worker_threads";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { WeightsFormatError } from "../../lib/engine/weights";
import { ScoringCorpus, ScoringError, scoreSubmission } from "../../lib/leaderboard/score";
import type { EvalBackend, EvalWorkerData, FromEvalWorker, ToEvalWorker } from "./messages";

const port = parentPort;
if (!port) throw new Error("evalWorker.ts must run in a worker thread");
const options = workerData as EvalWorkerData;
const corpora = new Map<string, ScoringCorpus>();

function send(message: FromEvalWorker): void {
  port?.postMessage(message);
}

async function initBackend(preferred: EvalBackend): Promise<EvalBackend> {
  if (preferred === "wasm") {
    setWasmPaths(options.wasmPath);
    try {
      if (await tf.setBackend("wasm")) {
        await tf.ready();
        return "wasm";
      }
    } catch (error) {
      console.error("[eval] wasm backend failed, using cpu:", error);
    }
  }
  await tf.setBackend("cpu");
  await tf.ready();
  return "cpu";
}

function handle(message: ToEvalWorker): void {
  switch (message.type) {
    case "corpus":
      corpora.set(message.key, new ScoringCorpus(message.train, message.window));
      return;
    case "forget":
      corpora.delete(message.key);
      return;
    case "job": {
      const corpus = corpora.get(message.corpusKey);
      if (!corpus) return send({ type: "failed", jobId: message.jobId, code: "INTERNAL", message: `corpus ${message.corpusKey} was not sent` });
      const started = performance.now();
      try {
        const result = scoreSubmission(corpus, message.weights, message.sample);
        send({ type: "result", jobId: message.jobId, result, ms: performance.now() - started });
      } catch (error) {
        if (error instanceof WeightsFormatError || error instanceof ScoringError)
          send({ type: "failed", jobId: message.jobId, code: error.code, message: error.message });
        else send({ type: "failed", jobId: message.jobId, code: "INTERNAL", message: String(error) });
      }
      return;
    }
    default: {
      const exhaustive: never = message;
      throw new Error(`unknown message ${JSON.stringify(exhaustive)}`);
    }
  }
}

const backend = await initBackend(options.backend);
port.on("message", handle);
send({ type: "ready", backend });
