/**
 * The training Web Worker: the page stays responsive while this thread trains.
 * One run per worker: `init` builds the vocabulary from the train split, picks the backend
 * (app/training/backends.ts), creates the model (or restores a checkpoint), and waits; `train`
 * and `pause` start and stop the loop; `sample` and `export` work between steps.
 * It reports progress at most PROGRESS_EVERY_MS, validation every VALIDATE_EVERY_MS, and sends a
 * checkpoint (weights) every CHECKPOINT_EVERY_MS for the page to keep in IndexedDB.
 */
import { buildVocabulary, CharRNN, decodeWeights, encode, encodeWeights, generate, Trainer, type Vocabulary } from "../../lib/engine";
import { chooseBackend, startOnCpu } from "./backends";
import type { FromWorker, ToWorker } from "./messages";

const PROGRESS_EVERY_MS = 250; // ≤ 4 messages a second
const VALIDATE_EVERY_MS = 3_000;
const CHECKPOINT_EVERY_MS = 5_000;

interface Run {
  model: CharRNN;
  trainer: Trainer;
  vocab: Vocabulary;
  /** Steps done before this worker started (a resumed checkpoint). */
  stepOffset: number;
  valLoss: number | null;
}

let run: Run | null = null;
let training = false;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  (self as unknown as { postMessage(m: FromWorker, t: Transferable[]): void }).postMessage(message, transfer);
}

const stepOf = (r: Run) => r.stepOffset + r.model.step;

async function init(message: Extract<ToWorker, { type: "init" }>): Promise<void> {
  await startOnCpu();
  const vocab = buildVocabulary(message.train, message.config.maxVocab);
  const trainIds = encode(vocab, message.train);
  const valIds = encode(vocab, message.validation);
  let model = CharRNN.create(message.config, vocab.chars.length);
  let trainer = new Trainer(model, trainIds, valIds);
  const batch = trainer.nextBatch();
  trainer.dispose();
  model.dispose();
  const { backend, trials } = await chooseBackend(message.backend, message.config, vocab.chars.length, batch);

  let stepOffset = 0;
  let valLoss: number | null = null;
  if (message.resume) {
    const restored = decodeWeights(message.resume);
    if (restored.vocabulary.chars.join("") !== vocab.chars.join("")) throw new Error("the checkpoint was trained on another text");
    model = restored.model;
    stepOffset = restored.header.step;
    valLoss = restored.header.validationLoss ?? null;
  } else {
    model = CharRNN.create(message.config, vocab.chars.length, { trainIds });
  }
  trainer = new Trainer(model, trainIds, valIds);
  run = { model, trainer, vocab, stepOffset, valLoss };
  post({ type: "ready", backend, trials, vocabSize: vocab.chars.length, step: stepOf(run) });
}

async function trainLoop(r: Run): Promise<void> {
  const { batchSize, seqLen } = r.model.config;
  let windowStart = performance.now();
  let windowChars = 0;
  let lossSum = 0;
  let lossCount = 0;
  let lastValidation = performance.now();
  let validated = false;
  let lastCheckpoint = performance.now();
  while (training && run === r) {
    const report = await r.trainer.stepAsync();
    windowChars += batchSize * seqLen;
    lossSum += report.loss;
    lossCount++;
    const now = performance.now();
    if (now - lastValidation >= VALIDATE_EVERY_MS) {
      r.valLoss = r.trainer.validate().nats;
      lastValidation = performance.now();
      validated = true;
    }
    if (now - windowStart >= PROGRESS_EVERY_MS) {
      post({
        type: "progress",
        progress: { step: stepOf(r), trainLoss: lossSum / lossCount, valLoss: r.valLoss, validated, charsPerSec: (windowChars / (now - windowStart)) * 1000 },
      });
      validated = false;
      windowStart = now;
      windowChars = 0;
      lossSum = 0;
      lossCount = 0;
    }
    if (now - lastCheckpoint >= CHECKPOINT_EVERY_MS) {
      checkpoint(r);
      lastCheckpoint = now;
    }
    await new Promise((resolve) => setTimeout(resolve, 0)); // let pause / sample messages in
  }
  if (run === r) checkpoint(r);
}

function checkpoint(r: Run): void {
  const weights = encodeWeights(r.model, r.vocab, { step: stepOf(r), ...(r.valLoss !== null ? { validationLoss: r.valLoss } : {}) });
  post({ type: "checkpoint", step: stepOf(r), valLoss: r.valLoss, weights }, [weights.buffer]);
}

function sample(r: Run, message: Extract<ToWorker, { type: "sample" }>): void {
  let text = "";
  let chunk = "";
  for (const ch of generate(r.model, r.vocab, {
    prime: message.prime,
    length: message.length,
    temperature: message.temperature,
    topK: message.topK,
    seed: message.seed,
  })) {
    text += ch;
    chunk += ch;
    if (chunk.length >= 8) {
      post({ type: "sampleChunk", requestId: message.requestId, text: chunk });
      chunk = "";
    }
  }
  if (chunk) post({ type: "sampleChunk", requestId: message.requestId, text: chunk });
  post({ type: "sampleDone", requestId: message.requestId, text });
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    switch (message.type) {
      case "init":
        await init(message);
        break;
      case "train":
        if (run && !training) {
          training = true;
          void trainLoop(run).catch((error) => post({ type: "error", message: String(error) }));
        }
        break;
      case "pause":
        training = false;
        break;
      case "sample":
        if (run) sample(run, message);
        break;
      case "export":
        if (run) {
          const weights = encodeWeights(run.model, run.vocab, { step: stepOf(run), ...(run.valLoss !== null ? { validationLoss: run.valLoss } : {}) });
          post({ type: "exported", requestId: message.requestId, weights, step: stepOf(run) }, [weights.buffer]);
        }
        break;
      default: {
        const exhaustive: never = message;
        throw new Error(`unknown message ${JSON.stringify(exhaustive)}`);
      }
    }
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
