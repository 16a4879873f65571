/**
 * The class model over real sockets and real HTTP uploads (rule IDs from lib/federated/SPEC.md):
 * rounds, stragglers, refused updates, on every database kind. Students train for real (tfjs cpu in
 * this process, the browser's round code).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CharRNN, encodeWeights, parseWeights, vocabularyFromChars } from "../../lib/engine";
import { useBackend } from "../../lib/engine/test-support";
import { combine } from "../../lib/federated/combine";
import { DEFAULT_SERVER_STEP, serverStep } from "../../lib/federated/serverStep";
import { flatten, modelVector } from "../../lib/federated/vectors";
import { nextEvent, request } from "../helpers/clients";
import { classWith, closeAll, federatedConfig, downloadVersion, trainIds, trainRound, uploadUpdate, vocabulary, weightsFrom } from "../helpers/federated";
import { DB_KINDS, startTestServer, type TestServer } from "../helpers/server";

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
      assert.deepEqual(
        sync.data.versions.map((v) => v.version),
        [0, 1],
      );
      assert.ok(sync.data.versions[1].valLoss < sync.data.versions[0].valLoss, "the class model learned");
      // Each student sees the class model's loss from version 0 to the latest version.
      const mine = await request(c.students[0].socket, "classModel:sync", {});
      assert.ok(mine.ok && mine.data.state);
      assert.deepEqual(mine.data.state.progress, {
        startLoss: sync.data.versions[0].valLoss,
        version: 1,
        valLoss: sync.data.versions[1].valLoss,
        sample: sync.data.versions[1].sample,
      });
      assert.ok(sync.data.versions[1].sample.length > 0, "version 1 wrote a sample");
      const file = await downloadVersion(server.url, c.classModelId, 1, c.students[0].token);
      assert.equal(parseWeights(new Uint8Array(await file.arrayBuffer())).header.config.hiddenSize, 16);
      const forged = await downloadVersion(server.url, c.classModelId, 1, c.students[0].token + "x");
      assert.equal(forged.status, 404);
      closeAll(c);
    });

    it("F3: version 0 is the configuration's seeded start of every lab run, output bias from the training split's character frequencies", async () => {
      const c = await classWith(server, 1);
      const file = await downloadVersion(server.url, c.classModelId, 0, c.students[0].token);
      const served = flatten(federatedConfig, vocabulary.chars.length, parseWeights(new Uint8Array(await file.arrayBuffer())).parameters);
      const labStart = CharRNN.create(federatedConfig, vocabulary.chars.length, { trainIds });
      try {
        assert.deepEqual(served, modelVector(labStart));
      } finally {
        labStart.dispose();
      }
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

    it("F16/F17: students upload float16 (half the bytes); each version is the server step from the two stored versions before it", async () => {
      const c = await classWith(server, 2);
      const V = vocabulary.chars.length;
      const flat = (bytes: Uint8Array) => flatten(federatedConfig, V, parseWeights(bytes).parameters);
      const version = async (n: number) =>
        flat(new Uint8Array(await (await downloadVersion(server.url, c.classModelId, n, c.students[0].token)).arrayBuffer()));
      let uploads: Uint8Array[] = [];
      for (const round of [0, 1]) {
        const announced = nextEvent(c.t.console, "classModel:version");
        uploads = [];
        for (const s of c.students) {
          const bytes = await trainRound(server.url, s, round);
          assert.equal((await uploadUpdate(server.url, s.token, round, bytes)).status, 200);
          uploads.push(bytes);
        }
        assert.equal((await announced).version.version, round + 1);
      }
      // F17: the tensors are float16 and the file is about half the float32 file of the same values.
      const header = parseWeights(uploads[0]).header;
      assert.ok(header.tensors.every((t) => t.dtype === "float16"));
      const asFloat32 = weightsFrom(flat(uploads[0]));
      assert.ok(uploads[0].length < 0.55 * asFloat32.length, `${uploads[0].length} bytes vs ${asFloat32.length} in float32`);
      // F16: version 2 = v1 + β·(v1 − v0) + η·(FedAvg of round 1's decoded updates − v1).
      const [v0, v1, v2] = await Promise.all([0, 1, 2].map(version));
      const chars = 3 * federatedConfig.batchSize * federatedConfig.seqLen;
      const combined = combine(
        "fedavg",
        v1,
        uploads.map((bytes, k) => ({ id: `s${k}`, values: flat(bytes), chars })),
      ).values;
      const expected = serverStep(DEFAULT_SERVER_STEP, v1, v0, combined);
      const worst = expected.reduce((max, e, i) => Math.max(max, Math.abs(e - v2[i])), 0);
      assert.ok(worst < 1e-6, `version 2 differs from the server step by up to ${worst}`);
      // F17: a weight beyond float16's range becomes Infinity in the upload and is refused like NaN (F4).
      const huge = v2.slice();
      huge[5] = 1e5;
      const refused = await uploadUpdate(server.url, c.students[0].token, 2, weightsFrom(huge, federatedConfig, 3, "float16"));
      assert.ok(!refused.reply.ok && refused.reply.error.issues?.weights?.[0] === "NON_FINITE", JSON.stringify(refused.reply));
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
