/**
 * The class model's Web Worker: one round at a time (lib/federated/local.ts, the same code the
 * server's tests and the bench run): rebuild the model from the downloaded version (a fresh Adam,
 * F13), train the round's steps on the student's shard, and post the weight file to upload
 * (float16, F17).
 */
import { buildVocabulary, encode, parseWeights, Trainer, CharRNN, type CharRNNConfig } from "../../lib/engine";
import { encodeLocalUpdate, trainLocalRound } from "../../lib/federated/local";
import { flatten } from "../../lib/federated/vectors";
import { chooseBackend, startOnCpu } from "../training/backends";
import type { BackendChoice, BackendName } from "../training/messages";

export type ToClassModelWorker = {
  type: "round";
  config: CharRNNConfig;
  /** The whole training split: the vocabulary is built from it, like the server's. */
  train: string;
  shardText: string;
  validation: string;
  base: Uint8Array;
  round: number;
  shardStart: number;
  steps: number;
  /** The student's backend preference (the lab's, also used by their live runs); "auto" measures. */
  backend: BackendChoice;
};
export type FromClassModelWorker =
  { type: "done"; round: number; weights: Uint8Array; loss: number; backend: BackendName } | { type: "failed"; round: number; message: string };

let backend: BackendName | null = null;

async function round(message: ToClassModelWorker): Promise<FromClassModelWorker> {
  const vocabulary = buildVocabulary(message.train, message.config.maxVocab);
  const shardIds = encode(vocabulary, message.shardText);
  const validationIds = encode(vocabulary, message.validation);
  if (backend === null) {
    await startOnCpu();
    const probe = CharRNN.create(message.config, vocabulary.chars.length);
    const trainer = new Trainer(probe, shardIds, validationIds);
    const batch = trainer.nextBatch();
    trainer.dispose();
    probe.dispose();
    backend = (await chooseBackend(message.backend, message.config, vocabulary.chars.length, batch)).backend;
  }
  const parsed = parseWeights(message.base);
  const input = {
    config: message.config,
    vocabulary,
    base: flatten(message.config, vocabulary.chars.length, parsed.parameters),
    round: message.round,
    shardStart: message.shardStart,
    shardIds,
    validationIds,
    steps: message.steps,
  };
  const result = trainLocalRound(input);
  return { type: "done", round: message.round, weights: encodeLocalUpdate(input, result), loss: result.lastLoss, backend };
}

self.onmessage = (event: MessageEvent<ToClassModelWorker>) => {
  round(event.data).then(
    (reply) =>
      (self as unknown as { postMessage(m: FromClassModelWorker, t: Transferable[]): void }).postMessage(
        reply,
        reply.type === "done" ? [reply.weights.buffer as ArrayBuffer] : [],
      ),
    (error: unknown) =>
      self.postMessage({
        type: "failed",
        round: event.data.round,
        message: error instanceof Error ? error.message : String(error),
      } satisfies FromClassModelWorker),
  );
};
