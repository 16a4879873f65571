/**
 * The class model over real sockets and real HTTP uploads (rule IDs from lib/federated/SPEC.md):
 * rounds, stragglers, refused updates, the robust combiner, restarts, on every database kind.
 * Students train for real (tfjs cpu in this process, the browser's round code).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CharRNN, encodeWeights, parseWeights, parameterSpecs, vocabularyFromChars } from "../../lib/engine";
import { useBackend } from "../../lib/engine/test-support";
import { flatten, modelVector } from "../../lib/federated/vectors";
import { nextEvent, request } from "../helpers/clients";
import { federatedConfig, federatedSpec, downloadVersion, settings, syncStudent, trainRound, uploadUpdate, vocabulary, weightsFrom, type FederatedStudent } from "../helpers/federated";
import { instructorWithSession, joinAsGuest, type InstructorScenario } from "../helpers/scenario";
import { DB_KINDS, startTestServer, type TestServer } from "../helpers/server";
import type { ClassModelSettings } from "../../lib/protocol/federated";

async function classWith(server: TestServer, students: number, options: Partial<ClassModelSettings> = {}): Promise<{ t: InstructorScenario; students: FederatedStudent[]; classModelId: string }> {
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

function closeAll(c: { t: InstructorScenario; students: FederatedStudent[] }) {
  for (const s of c.students) s.socket.close();
  c.t.console.close();
}

for (const kind of DB_KINDS) {
  describe(`class model (${kind})`, () => {
    let server: TestServer;
    let clock = Date.now();
    before(async () => {
      await useBackend("cpu");
      server = await startTestServer({ kind, now: () => clock });
    });
    after(() => server.close());

    it("F2/F3/F9: a round with three students: disjoint shards, early close when all reported, a new version everyone can download", async () => {
      const c = await classWith(server, 3);
      const starts = c.students.map((s) => s.shard.start).sort((a, b) => a - b);
      assert.deepEqual(starts, [0, 333_333, 666_666]);
      const announced = nextEvent(c.t.console, "classModel:version");
      const outcomes = c.students.map((s) => nextEvent(s.socket, "classModel:outcome"));
      for (const s of c.students) {
        const { status, reply } = await uploadUpdate(server.url, s.token, 0, await trainRound(server.url, s, 0));
        assert.equal(status, 200, JSON.stringify(reply));
      }
      const { classModel, version } = await announced;
      assert.equal(version.version, 1);
      assert.equal(version.contributors, 3);
      assert.equal(classModel.round, 1);
      const shares = (await Promise.all(outcomes)).map((o) => o.share ?? 0);
      assert.ok(Math.abs(shares.reduce((a, b) => a + b, 0) - 1) < 1e-9, `shares ${shares}`);

      const sync = await request(c.t.console, "classModel:classSync", { sessionId: c.t.sessionId });
      assert.ok(sync.ok);
      assert.deepEqual(sync.data.versions.map((v) => v.version), [0, 1]);
      assert.ok(sync.data.versions[1].valLoss < sync.data.versions[0].valLoss, "the class model learned");
      const file = await downloadVersion(server.url, c.classModelId, 1, c.students[0].token);
      assert.equal(parseWeights(new Uint8Array(await file.arrayBuffer())).header.config.hiddenSize, 16);
      const forged = await downloadVersion(server.url, c.classModelId, 1, c.students[0].token + "x");
      assert.equal(forged.status, 404);
      closeAll(c);
    });

    it("F3/F5: a straggler: the round closes at its deadline with whoever reported; the late update is dropped as stale", async () => {
      const c = await classWith(server, 3);
      const [a, b, slow] = c.students;
      const slowUpdate = await trainRound(server.url, slow, 0);
      for (const s of [a, b]) assert.equal((await uploadUpdate(server.url, s.token, 0, await trainRound(server.url, s, 0))).status, 200);
      await server.app.classModels.settled();
      let sync = await request(c.t.console, "classModel:classSync", { sessionId: c.t.sessionId });
      assert.ok(sync.ok && sync.data.classModel?.round === 0, "still waiting for the third student");

      clock += 11_000; // past the 10 s deadline
      const announced = nextEvent(c.t.console, "classModel:version");
      await server.app.classModels.reviewRound(c.classModelId);
      assert.equal((await announced).version.contributors, 2);
      const late = await uploadUpdate(server.url, slow.token, 0, slowUpdate);
      assert.equal(late.status, 409);
      assert.ok(!late.reply.ok && late.reply.error.issues?.reason?.[0] === "STALE");
      sync = await request(c.t.console, "classModel:classSync", { sessionId: c.t.sessionId });
      assert.ok(sync.ok && sync.data.classModel?.round === 1);
      closeAll(c);
    });

    it("F4: updates with NaN, another configuration or a wrong vocabulary are refused before they are stored; a retry is answered once", async () => {
      const c = await classWith(server, 2);
      const [a, b] = c.students;
      const honest = await trainRound(server.url, a, 0);
      const values = flatten(federatedConfig, vocabulary.chars.length, parseWeights(honest).parameters);
      const nan = values.slice();
      nan[7] = NaN;
      const refusedNaN = await uploadUpdate(server.url, b.token, 0, weightsFrom(nan));
      assert.equal(refusedNaN.status, 400);
      assert.ok(!refusedNaN.reply.ok && refusedNaN.reply.error.issues?.weights?.[0] === "NON_FINITE");

      const other = CharRNN.create({ ...federatedConfig, hiddenSize: 32 }, vocabulary.chars.length);
      const wrongConfig = weightsFrom(modelVector(other), { ...federatedConfig, hiddenSize: 32 });
      other.dispose();
      const refusedConfig = await uploadUpdate(server.url, b.token, 0, wrongConfig);
      assert.ok(!refusedConfig.reply.ok && refusedConfig.reply.error.issues?.reason?.[0] === "WRONG_CONFIG");

      const swapped = vocabularyFromChars([vocabulary.chars[0], vocabulary.chars[2], vocabulary.chars[1], ...vocabulary.chars.slice(3)]);
      const shuffled = CharRNN.create(federatedConfig, vocabulary.chars.length);
      const wrongVocabulary = encodeWeights(shuffled, swapped, { step: 3 });
      shuffled.dispose();
      const refusedVocabulary = await uploadUpdate(server.url, b.token, 0, wrongVocabulary);
      assert.ok(!refusedVocabulary.reply.ok && refusedVocabulary.reply.error.issues?.weights?.[0] === "VOCABULARY_MISMATCH");

      const ahead = await uploadUpdate(server.url, b.token, 5, honest);
      assert.ok(!ahead.reply.ok && ahead.reply.error.issues?.reason?.[0] === "AHEAD");
      assert.equal(await server.db.classModelUpdate.count({ where: { classModelId: c.classModelId } }), 0, "nothing refused was stored");

      const first = await uploadUpdate(server.url, a.token, 0, honest, "retry-key-0001");
      const again = await uploadUpdate(server.url, a.token, 0, honest, "retry-key-0001");
      assert.ok(first.reply.ok && again.reply.ok && again.reply.data.retried);
      const second = await uploadUpdate(server.url, a.token, 0, honest, "another-key-0001");
      assert.ok(!second.reply.ok && second.reply.error.issues?.reason?.[0] === "DUPLICATE");
      assert.equal(await server.db.classModelUpdate.count({ where: { classModelId: c.classModelId } }), 1);
      closeAll(c);
    });

    it("F6: claimed steps beyond the round's K do not buy weight", async () => {
      const c = await classWith(server, 2);
      const [a] = c.students;
      const update = await trainRound(server.url, a, 0);
      const parsed = parseWeights(update);
      const inflated = weightsFrom(flatten(federatedConfig, vocabulary.chars.length, parsed.parameters), federatedConfig, 1_000_000);
      const reply = await uploadUpdate(server.url, a.token, 0, inflated);
      assert.ok(reply.reply.ok && reply.reply.data.chars === 3 * federatedConfig.batchSize * federatedConfig.seqLen);
      closeAll(c);
    });
  });
}

describe("F7/F8: one poisoned update among ten, through the server", () => {
  let server: TestServer;
  let clock = Date.now();
  before(async () => {
    await useBackend("cpu");
    server = await startTestServer({ now: () => clock });
  });
  after(() => server.close());

  it("F8: FedAvg's validation loss moves badly; the trimmed mean's hardly at all", async () => {
    // Every class starts from the same version 0 (the configuration's seed) with the same shard positions,
    // so the ten honest updates are trained once and sent to three classes: clean FedAvg, poisoned FedAvg, poisoned trimmed mean.
    let honest: Uint8Array[] = [];
    let poisoned: Uint8Array | null = null;
    const losses: Record<string, number> = {};
    for (const [name, combiner, poison] of [["clean", "fedavg", false], ["fedavg", "fedavg", true], ["trimmedMean", "trimmedMean", true]] as const) {
      const c = await classWith(server, 10, { combiner, roundSteps: 8 });
      const ordered = [...c.students].sort((x, y) => x.shard.start - y.shard.start);
      if (honest.length === 0) {
        honest = await Promise.all(ordered.map((s) => trainRound(server.url, s, 0, 8)));
        // The poison replaces the tenth update: all of 3.9× the median delta norm on the space character's output bias (passes F7's 4×).
        const base = flatten(federatedConfig, vocabulary.chars.length, parseWeights(new Uint8Array(await (await downloadVersion(server.url, c.classModelId, 0, ordered[0].token)).arrayBuffer())).parameters);
        const norms = honest.map((u) => Math.sqrt(flatten(federatedConfig, vocabulary.chars.length, parseWeights(u).parameters).reduce((sum, x, i) => sum + (x - base[i]) ** 2, 0)));
        const values = base.slice();
        const biasStart = base.length - parameterSpecs(federatedConfig, vocabulary.chars.length).at(-1)!.shape[0];
        values[biasStart + vocabulary.index.get(" ")!] -= 3.9 * [...norms].sort((x, y) => x - y)[5];
        poisoned = weightsFrom(values, federatedConfig, 8);
      }
      const updates = poison && poisoned ? [...honest.slice(0, 9), poisoned] : honest;
      const announced = nextEvent(c.t.console, "classModel:version");
      for (let i = 0; i < 10; i++) assert.equal((await uploadUpdate(server.url, ordered[i].token, 0, updates[i])).status, 200);
      const { version } = await announced;
      assert.equal(version.contributors, 10, "the poison passed the norm rule: only the combiner can handle it");
      losses[name] = version.valLoss;
      closeAll(c);
    }
    const moved = { fedavg: losses.fedavg - losses.clean, trimmedMean: losses.trimmedMean - losses.clean };
    assert.ok(moved.fedavg > 0.05, `FedAvg moved ${JSON.stringify({ losses, moved })}`);
    assert.ok(Math.abs(moved.trimmedMean) < moved.fedavg / 4, `trimmed mean moved ${JSON.stringify({ losses, moved })}`);
  });
});

describe("F12: a restart mid-round loses no version and no update", () => {
  it("F12: the round continues after the restart with the update sent before it", async () => {
    await useBackend("cpu");
    let clock = Date.now();
    const first = await startTestServer({ now: () => clock });
    const c = await classWith(first, 3);
    const [a, b, d] = c.students;
    assert.equal((await uploadUpdate(first.url, a.token, 0, await trainRound(first.url, a, 0))).status, 200);
    await first.app.classModels.settled();
    closeAll(c);
    await first.stop();

    const second = await startTestServer({ database: first.database, now: () => clock });
    try {
      // Tokens are signed, not stored: they still work after the restart, as do the stored versions.
      for (const s of [b, d]) assert.equal((await uploadUpdate(second.url, s.token, 0, await trainRound(second.url, s, 0))).status, 200);
      clock += 11_000;
      await second.app.classModels.reviewRound(c.classModelId);
      const versions = await second.db.classModelVersion.findMany({ where: { classModelId: c.classModelId }, orderBy: { version: "asc" } });
      assert.deepEqual(versions.map((v) => [v.version, v.contributors]), [[0, 0], [1, 3]]);
    } finally {
      await second.close();
    }
  });
});

// Several server processes share state through PostgreSQL (SQLite is the one-process deployment), so F11 runs there.
describe("F11: two processes aggregate each round exactly once", () => {
  for (const kind of DB_KINDS.filter((k) => k === "postgresql")) {
    it(`F11 (${kind}${process.env.REDIS_URL_TEST ? " + Redis" : ""}): both processes review the closed round; one version is made`, async () => {
      await useBackend("cpu");
      let clock = Date.now();
      const redis = process.env.REDIS_URL_TEST ? { REDIS_URL: process.env.REDIS_URL_TEST } : {};
      const one = await startTestServer({ kind, now: () => clock, env: redis });
      const two = await startTestServer({ database: one.database, now: () => clock, env: { ...redis, DATABASE_URL: one.database.url } });
      try {
        const c = await classWith(one, 2);
        for (const s of c.students) {
          // Each student uploads to a different process.
          const url = s === c.students[0] ? one.url : two.url;
          assert.equal((await uploadUpdate(url, s.token, 0, await trainRound(url, s, 0))).status, 200);
        }
        clock += 11_000;
        await Promise.all([one.app.classModels.reviewRound(c.classModelId), two.app.classModels.reviewRound(c.classModelId)]);
        await Promise.all([one.app.classModels.settled(), two.app.classModels.settled()]);
        const versions = await one.db.classModelVersion.findMany({ where: { classModelId: c.classModelId } });
        assert.deepEqual(versions.map((v) => v.version).sort(), [0, 1]);
        const row = await one.db.classModel.findUnique({ where: { id: c.classModelId } });
        assert.equal(row?.round, 1);
        assert.equal(row?.closingBy, null);
        closeAll(c);
      } finally {
        await two.stop();
        await one.close();
      }
    });
  }
});
