/**
 * The aggregation worker thread: parses a round's uploads, screens them (F7), combines them (F8),
 * takes the server's step into the next class-model version (F16) and scores it on the validation
 * split (F14), with tfjs on wasm (cpu when wasm cannot start). The server's event loop only posts
 * bytes here and receives bytes back.
 */
import { parentPort, workerData } from "node:worker_threads";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { CharRNN, encodeWeights, parseWeights, sample, Trainer, vocabularyFromChars } from "../../lib/engine";
import { combine, screenUpdates } from "../../lib/federated/combine";
import { DEFAULT_SERVER_STEP, serverStep } from "../../lib/federated/serverStep";
import { flatten, modelFromVector, modelVector } from "../../lib/federated/vectors";
import type { AggregateJob, AggregateOutcome, AggregateWorkerData, FromAggregateWorker } from "./messages";

const port = parentPort;
if (!port) throw new Error("aggregateWorker.ts must run in a worker thread");
const options = workerData as AggregateWorkerData;
/** Characters of each version's sample (the sample wall's length for a student's sample is the last 400). */
const VERSION_SAMPLE_CHARS = 300;

async function initBackend(): Promise<void> {
  setWasmPaths(options.wasmPath);
  try {
    if (await tf.setBackend("wasm")) return void (await tf.ready());
  } catch (error) {
    console.error("[aggregate] wasm backend failed, using cpu:", error);
  }
  await tf.setBackend("cpu");
  await tf.ready();
}

function vectorOf(bytes: Uint8Array, job: AggregateJob): Float32Array {
  const parsed = parseWeights(bytes);
  return flatten(job.config, job.vocabulary.length, parsed.parameters);
}

function aggregate(job: AggregateJob): AggregateOutcome {
  const started = performance.now();
  const V = job.vocabulary.length;
  let base: Float32Array;
  if (job.base) base = vectorOf(job.base, job);
  else {
    const init = CharRNN.create(job.config, V, job.trainIds ? { trainIds: job.trainIds } : {});
    base = modelVector(init);
    init.dispose();
  }
  const updates = job.updates.map((u) => ({ id: u.id, values: vectorOf(u.bytes, job), chars: u.chars }));
  const { accepted, refused } = screenUpdates(base, updates);
  const refusals = refused.map(({ id, reason }) => ({ id, reason }));
  if (job.base && accepted.length === 0) return { kind: "empty", refused: refusals, ms: performance.now() - started };
  const result = accepted.length > 0 ? combine(job.combiner, base, accepted) : { values: base, shares: new Map<string, number>() };
  // F16: the server's step along the combined update (version 0 has none: it is the initialisation).
  const previous = job.previous ? vectorOf(job.previous, job) : null;
  const values = job.base ? serverStep(DEFAULT_SERVER_STEP, base, previous, result.values) : result.values;
  const model = modelFromVector(job.config, V, values);
  try {
    // F14: the students' own measure (their live runs' Trainer.validate: the same fixed windows of the
    // validation split, the same seed), so the class model's curve and theirs share one scale (F15).
    const scorer = new Trainer(model, job.validationIds, job.validationIds);
    const valLoss = scorer.validate().nats;
    scorer.dispose();
    const vocabulary = vocabularyFromChars(job.vocabulary);
    const weights = encodeWeights(model, vocabulary, { step: job.step, validationLoss: valLoss });
    // One sample per version, seeded by the version's step so the wall's text is reproducible.
    const text = sample(model, vocabulary, { prime: "\n", length: VERSION_SAMPLE_CHARS, temperature: job.temperature, seed: job.step + 1 });
    return { kind: "version", weights, valLoss, sample: text, shares: [...result.shares], refused: refusals, ms: performance.now() - started };
  } finally {
    model.dispose();
  }
}

function send(message: FromAggregateWorker, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

await initBackend();
port.on("message", (job: AggregateJob) => {
  try {
    const outcome = aggregate(job);
    send({ type: "done", jobId: job.jobId, outcome }, outcome.kind === "version" ? [outcome.weights.buffer as ArrayBuffer] : []);
  } catch (error) {
    send({ type: "failed", jobId: job.jobId, message: error instanceof Error ? error.message : String(error) });
  }
});
send({ type: "ready" });
