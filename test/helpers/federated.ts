/**
 * A simulated class-model student for integration tests: downloads the round's version over HTTP,
 * trains it on its shard with the same code the browser's worker runs (lib/federated/local.ts, tfjs
 * cpu in this process), and uploads the result over HTTP with its token.
 */
import { randomUUID } from "node:crypto";
import { buildVocabulary, encode, encodeWeights, parseWeights, splitCorpus, type CharRNNConfig } from "../../lib/engine";
import { encodeLocalUpdate, trainLocalRound, type LocalRound } from "../../lib/federated/local";
import { shardText, type Shard } from "../../lib/federated/shards";
import { flatten, modelFromVector } from "../../lib/federated/vectors";
import { CLASS_MODEL_UPDATE_PATH, CLASS_MODEL_VERSION_PATH, type ClassModelSettings, type UpdateReply } from "../../lib/protocol/federated";
import { encodeUploadBody } from "../../lib/protocol/leaderboard";
import type { Reply } from "../../lib/protocol/errors";
import { DEFAULT_CONFIG } from "../../lib/engine/config";
import type { TensorDType } from "../../lib/engine/weights";
import { readBundledCorpus } from "./corpora";
import assert from "node:assert/strict";
import { joinAsGuest, instructorWithSession, type InstructorScenario } from "./scenario";
import type { TestServer } from "./server";
import { request, type TestSocket } from "./clients";
import { tinySpec } from "./training";

export const federatedConfig: CharRNNConfig = { ...DEFAULT_CONFIG, hiddenSize: 16, seqLen: 16, batchSize: 8 };
export const federatedSpec = () => tinySpec({ config: federatedConfig });
export const settings = (overrides: Partial<ClassModelSettings> = {}): ClassModelSettings => ({
  groupId: null,
  combiner: "fedavg",
  roundSteps: 3,
  roundSeconds: 10,
  ...overrides,
});

const split = splitCorpus(readBundledCorpus("tinyshakespeare"));
export const vocabulary = buildVocabulary(split.train, federatedConfig.maxVocab);
const validationIds = encode(vocabulary, split.validation.slice(0, 2_000));
/** The training split as the server encodes it for version 0's output bias. */
export const trainIds = encode(vocabulary, split.train);

export async function downloadVersion(url: string, classModelId: string, version: number, token: string): Promise<Response> {
  const address = `${url}${CLASS_MODEL_VERSION_PATH}/${classModelId}/${version}?token=${encodeURIComponent(token)}`;
  try {
    return await fetch(address);
  } catch {
    // A kept-alive connection the server closed just as it was reused ("fetch failed"): a GET is retried, as browsers do.
    return fetch(address);
  }
}

export async function uploadUpdate(
  url: string,
  token: string,
  round: number,
  weights: Uint8Array,
  idempotencyKey: string = randomUUID(),
): Promise<{ status: number; reply: Reply<UpdateReply> }> {
  const body = encodeUploadBody({ token, round, idempotencyKey }, weights);
  const response = await fetch(url + CLASS_MODEL_UPDATE_PATH, { method: "POST", headers: { "content-type": "application/octet-stream" }, body });
  return { status: response.status, reply: (await response.json()) as Reply<UpdateReply> };
}

export interface FederatedStudent {
  socket: TestSocket;
  participantId: string;
  token: string;
  classModelId: string;
  shard: Shard;
}

/** classModel:sync for a joined student; throws unless the class model includes them. */
export async function syncStudent(socket: TestSocket, participantId: string): Promise<FederatedStudent> {
  const reply = await request(socket, "classModel:sync", {});
  if (!reply.ok || !reply.data.state) throw new Error(`classModel:sync: ${JSON.stringify(reply)}`);
  const { token, shard, classModel } = reply.data.state;
  return { socket, participantId, token, classModelId: classModel.id, shard };
}

/** The student's round: the version's weights from the server, `steps` local steps on the shard; the .rnnw to upload. */
export async function trainRound(url: string, student: Omit<FederatedStudent, "socket" | "participantId">, round: number, steps = 3): Promise<Uint8Array> {
  const response = await downloadVersion(url, student.classModelId, round, student.token);
  if (!response.ok) throw new Error(`version ${round}: HTTP ${response.status}`);
  const parsed = parseWeights(new Uint8Array(await response.arrayBuffer()));
  const input: LocalRound = {
    config: federatedConfig,
    vocabulary,
    base: flatten(federatedConfig, vocabulary.chars.length, parsed.parameters),
    round,
    shardStart: student.shard.start,
    shardIds: encode(vocabulary, shardText(split.train, student.shard)),
    validationIds,
    steps,
  };
  return encodeLocalUpdate(input, trainLocalRound(input));
}

/** A weight file of the class configuration whose values come from `values` (e.g. a poisoned or NaN update). */
export function weightsFrom(values: Float32Array, config: CharRNNConfig = federatedConfig, step = 3, dtype: TensorDType = "float32"): Uint8Array {
  const model = modelFromVector(config, vocabulary.chars.length, values);
  try {
    return encodeWeights(model, vocabulary, { step, dtype });
  } finally {
    model.dispose();
  }
}

/** An instructor, `students` guests, a pushed tiny model session and a started class model, every student synced. */
export async function classWith(
  server: TestServer,
  students: number,
  options: Partial<ClassModelSettings> = {},
): Promise<{ t: InstructorScenario; students: FederatedStudent[]; classModelId: string }> {
  const t = await instructorWithSession(server);
  const joined = [];
  for (let i = 0; i < students; i++) joined.push(await joinAsGuest(server, t.code, `학생${i}`));
  const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec: federatedSpec() });
  assert.ok(pushed.ok, JSON.stringify(pushed));
  const started = await request(t.console, "classModel:start", { sessionId: t.sessionId, ...settings(options) });
  assert.ok(started.ok, JSON.stringify(started));
  assert.equal(started.data.classModel.students, students);
  const synced = await Promise.all(joined.map((j) => syncStudent(j.socket, j.participantId)));
  return { t, students: synced, classModelId: started.data.classModel.id };
}

export function closeAll(c: { t: InstructorScenario; students: FederatedStudent[] }) {
  for (const s of c.students) s.socket.close();
  c.t.console.close();
}
