/**
 * T11: the instructor shares a student's best verified model, or a model they trained and uploaded;
 * everyone can download it with the link.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { configHash } from "../../lib/engine/config";
import { nextEvent, request } from "../helpers/clients";
import { instructorWithSession, joinAsGuest } from "../helpers/scenario";
import { startTestServer, type TestServer } from "../helpers/server";
import { tinySpec } from "../helpers/training";
import { engineReady, submit, weightsFor } from "../helpers/leaderboard";

describe("shared checkpoints", () => {
  let server: TestServer;
  before(async () => {
    await engineReady();
    server = await startTestServer();
  });
  after(() => server.close());

  it("T11: the class receives a download link for the student's best verified model; only the instructor may share", async () => {
    const spec = tinySpec();
    const t = await instructorWithSession(server);
    const [author, other] = await Promise.all([joinAsGuest(server, t.code, "author"), joinAsGuest(server, t.code, "other")]);
    const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec });
    assert.ok(pushed.ok);
    await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" });

    const none = await request(t.console, "training:shareCheckpoint", { sessionId: t.sessionId, participantId: author.participantId });
    assert.ok(!none.ok && none.error.code === "NOT_FOUND", "nothing to share before a verified submission");

    const weights = await weightsFor(spec.config, { variant: 3 });
    const scored = nextEvent(author.socket, "submission:status", (s) => s.status === "scored" || s.status === "rejected");
    const sent = await submit(server.url, author.socket, pushed.data.modelSession.id, weights);
    assert.ok(sent.reply.ok, JSON.stringify(sent.reply));
    assert.equal((await scored).status, "scored");

    const byStudent = await request(other.socket, "training:shareCheckpoint", { sessionId: t.sessionId, participantId: author.participantId });
    assert.ok(!byStudent.ok && byStudent.error.code === "FORBIDDEN");

    const heard = nextEvent(other.socket, "training:checkpoint");
    const shared = await request(t.console, "training:shareCheckpoint", { sessionId: t.sessionId, participantId: author.participantId });
    assert.ok(shared.ok, JSON.stringify(shared));
    const message = await heard;
    assert.equal(message.source, "student");
    assert.equal(message.from, "author");
    assert.equal(message.configHash, configHash(spec.config));
    const download = await fetch(server.url + message.url);
    assert.equal(download.status, 200);
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), weights);

    const forged = message.url.replace(/token=[^&]+/, "token=forged.token");
    assert.equal((await fetch(server.url + forged)).status, 404);
    for (const s of [author.socket, other.socket, t.console]) s.close();
  });

  it("T11: the instructor uploads a model trained on a group's configuration; its students get the link, bad files store nothing", async () => {
    const spec = tinySpec({
      groups: [
        { label: "LSTM", overrides: {} },
        { label: "GRU", overrides: { cell: "gru" } },
      ],
    });
    const t = await instructorWithSession(server);
    const student = await joinAsGuest(server, t.code, "student");
    const upload = (weights: Uint8Array | string, sessionId = t.sessionId, api = t.api) =>
      api.call("uploadInstructorModel", {
        params: { sessionId },
        body: { weights: typeof weights === "string" ? weights : Buffer.from(weights).toString("base64") },
      });
    const gruConfig = { ...spec.config, cell: "gru" as const };
    const gru = await weightsFor(gruConfig, { variant: 2 });

    const early = await upload(gru);
    assert.equal(early.status, 409, "nothing to fit before a model session is pushed");
    const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec });
    assert.ok(pushed.ok);

    // Refused: not base64, not a weight file, another configuration, another corpus's vocabulary.
    const notBase64 = await upload("%%% not base64 %%%");
    assert.equal(notBase64.status, 400);
    const garbage = await upload(new Uint8Array(64).fill(7));
    assert.ok(!garbage.reply.ok && garbage.reply.error.issues?.weights?.[0] === "BAD_MAGIC", JSON.stringify(garbage.reply));
    const rnn = await upload(await weightsFor({ ...spec.config, cell: "rnn" }));
    assert.ok(!rnn.reply.ok && rnn.reply.error.issues?.weights?.[0] === "CONFIG_MISMATCH", JSON.stringify(rnn.reply));
    const korean = await upload(await weightsFor(gruConfig, { ref: "korean-classics" }));
    assert.ok(!korean.reply.ok && korean.reply.error.issues?.weights?.[0] === "VOCABULARY_MISMATCH", JSON.stringify(korean.reply));

    // Only the session's own instructor may upload.
    const stranger = await instructorWithSession(server);
    assert.equal((await upload(gru, t.sessionId, stranger.api)).status, 404);
    stranger.console.close();

    const stored = await upload(gru);
    assert.ok(stored.reply.ok, JSON.stringify(stored.reply));
    assert.deepEqual(stored.reply.data.model.matches, ["GRU"]);
    assert.equal(stored.reply.data.model.configHash, configHash(gruConfig));

    const byStudent = await request(student.socket, "training:shareInstructorModel", { sessionId: t.sessionId, modelId: stored.reply.data.model.id });
    assert.ok(!byStudent.ok && byStudent.error.code === "FORBIDDEN");
    const unknown = await request(t.console, "training:shareInstructorModel", { sessionId: t.sessionId, modelId: "nosuchmodel" });
    assert.ok(!unknown.ok && unknown.error.code === "NOT_FOUND");

    const heard = nextEvent(student.socket, "training:checkpoint");
    const shared = await request(t.console, "training:shareInstructorModel", { sessionId: t.sessionId, modelId: stored.reply.data.model.id });
    assert.ok(shared.ok, JSON.stringify(shared));
    const message = await heard;
    assert.equal(message.source, "instructor");
    assert.equal(message.from, "선생님");
    assert.equal(message.configHash, configHash(gruConfig));
    const download = await fetch(server.url + message.url);
    assert.equal(download.status, 200);
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), gru);

    // A newer model session retires the uploaded model.
    assert.ok((await request(t.console, "training:push", { sessionId: t.sessionId, spec })).ok);
    const stale = await request(t.console, "training:shareInstructorModel", { sessionId: t.sessionId, modelId: stored.reply.data.model.id });
    assert.ok(!stale.ok && stale.error.code === "NOT_FOUND");
    for (const s of [student.socket, t.console]) s.close();
  });
});
