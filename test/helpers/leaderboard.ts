/**
 * Submissions for tests: weight files made with the engine for the round's configuration (or
 * deliberately broken ones), and the real two-step submit (socket ticket, then one binary POST).
 */
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { CharRNN, buildVocabulary, encodeWeights, splitCorpus, type CharRNNConfig, type Vocabulary } from "../../lib/engine";
import { Trainer } from "../../lib/engine/train";
import { encode } from "../../lib/engine/text";
import { useBackend } from "../../lib/engine/test-support";
import { encodeUploadBody, type ChosenSample, type UploadMetadata, type UploadReply } from "../../lib/protocol/leaderboard";
import type { Reply } from "../../lib/protocol/errors";
import { request, type TestSocket } from "./clients";

const splits = new Map<string, ReturnType<typeof splitCorpus>>();
export function corpusSplit(ref = "tinyshakespeare") {
  let s = splits.get(ref);
  if (!s) {
    s = splitCorpus(readFileSync(new URL(`../../server/corpora/${ref}.txt`, import.meta.url), "utf8"));
    splits.set(ref, s);
  }
  return s;
}

export function trainVocabulary(config: CharRNNConfig, ref = "tinyshakespeare"): Vocabulary {
  return buildVocabulary(corpusSplit(ref).train, config.maxVocab);
}

let backendReady: Promise<void> | null = null;
export function engineReady(): Promise<void> {
  backendReady ??= useBackend("cpu");
  return backendReady;
}

/** Steps the shared trained model of a configuration gets: enough to beat the untrained model by L1b's margin several times over. */
const TRAINED_STEPS = 40;
const trainedParameters = new Map<string, Promise<Map<string, Float32Array>>>();

/** The parameters of `config` trained TRAINED_STEPS steps from the start a browser uses (cached: training is slow on the cpu backend). */
function trainedBase(config: CharRNNConfig, ref?: string): Promise<Map<string, Float32Array>> {
  const key = `${ref ?? ""}:${JSON.stringify(config)}`;
  let base = trainedParameters.get(key);
  if (!base) {
    base = (async () => {
      await engineReady();
      const vocab = trainVocabulary(config, ref);
      const trainIds = encode(vocab, corpusSplit(ref).train.slice(0, 200_000));
      const model = CharRNN.create(config, vocab.chars.length, { trainIds });
      const trainer = new Trainer(model, trainIds, encode(vocab, corpusSplit(ref).validation.slice(0, 2_000)));
      for (let i = 0; i < TRAINED_STEPS; i++) trainer.step();
      trainer.dispose();
      const values = new Map(model.parameters().map((p) => [p.name, p.values] as const));
      model.dispose();
      return values;
    })();
    trainedParameters.set(key, base);
  }
  return base;
}

/**
 * A weight file for `config`: the seeded initial model with its values shifted by `variant`
 * (distinct students, distinct scores), optionally trained `steps` steps first. With `trained`,
 * a shared trained model (ranked under L1b) whose output bias is nudged by `variant` instead.
 */
export async function weightsFor(
  config: CharRNNConfig,
  options: { variant?: number; steps?: number; ref?: string; trained?: boolean } = {},
): Promise<Uint8Array> {
  await engineReady();
  const vocab = trainVocabulary(config, options.ref);
  if (options.trained) {
    const v = options.variant ?? 0;
    const base = await trainedBase(config, options.ref);
    const values = new Map([...base].map(([name, x]) => [name, name === "output.bias" ? x.map((b, i) => b + 0.01 * v * Math.sin(i + v)) : x] as const));
    const model = CharRNN.fromParameters(config, vocab.chars.length, values);
    const bytes = encodeWeights(model, vocab);
    model.dispose();
    return bytes;
  }
  let model = CharRNN.create(config, vocab.chars.length);
  if (options.steps) {
    const trainer = new Trainer(
      model,
      encode(vocab, corpusSplit(options.ref).train.slice(0, 200_000)),
      encode(vocab, corpusSplit(options.ref).validation.slice(0, 2_000)),
    );
    for (let i = 0; i < options.steps; i++) trainer.step();
    trainer.dispose();
  }
  if (options.variant) {
    const v = options.variant;
    const values = new Map(
      model.parameters().map((p) => [p.name, p.values.map((x, i) => x * (1 + 0.05 * v) + (p.name === "output.bias" ? 0.02 * v * Math.sin(i) : 0))] as const),
    );
    model.dispose();
    model = CharRNN.fromParameters(config, vocab.chars.length, values);
  }
  const bytes = encodeWeights(model, vocab);
  model.dispose();
  return bytes;
}

/** The same file with its JSON header changed by `edit` (tensor data kept as it was). */
export function rewriteHeader(bytes: Uint8Array, edit: (header: Record<string, unknown>) => void): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Record<string, unknown>;
  edit(header);
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padding = (4 - ((8 + json.length) % 4)) % 4;
  json = new TextEncoder().encode(JSON.stringify(header) + " ".repeat(padding));
  const out = new Uint8Array(8 + json.length + bytes.length - 8 - length);
  out.set(bytes.subarray(0, 4), 0);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  out.set(bytes.subarray(8 + length), 8 + json.length);
  return out;
}

/** The same file with one float of the data section replaced by NaN. */
export function withNaN(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const dataStart = 8 + view.getUint32(4, true);
  view.setFloat32(dataStart + 4 * 10, NaN, true);
  return out;
}

export const SAMPLE: ChosenSample = { text: "ROMEO:\nWhat light through yonder window breaks?", temperature: 0.8, prime: "\n" };

export async function ticketFor(socket: TestSocket, modelSessionId: string) {
  return request(socket, "submission:ticket", { modelSessionId });
}

/** POSTs a raw body to the upload path. */
export async function postUpload(
  baseUrl: string,
  body: Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = {},
): Promise<{ status: number; reply: Reply<UploadReply> }> {
  const response = await fetch(`${baseUrl}/api/submissions`, { method: "POST", headers: { "content-type": "application/octet-stream", ...headers }, body });
  return { status: response.status, reply: (await response.json()) as Reply<UploadReply> };
}

export function newKey(): string {
  return randomBytes(12).toString("base64url");
}

/** The whole submit: a ticket over the socket, then the upload. */
export async function submit(
  baseUrl: string,
  socket: TestSocket,
  modelSessionId: string,
  weights: Uint8Array,
  options: { sample?: ChosenSample; idempotencyKey?: string; ticket?: string; backend?: UploadMetadata["backend"] } = {},
): Promise<{ status: number; reply: Reply<UploadReply> }> {
  let ticket = options.ticket;
  if (!ticket) {
    const t = await ticketFor(socket, modelSessionId);
    if (!t.ok) return { status: 0, reply: t };
    ticket = t.data.ticket;
  }
  const metadata: UploadMetadata = {
    ticket,
    idempotencyKey: options.idempotencyKey ?? newKey(),
    backend: options.backend ?? "wasm",
    sample: options.sample ?? SAMPLE,
  };
  return postUpload(baseUrl, encodeUploadBody(metadata, weights));
}
