/** T11: the instructor shares a student's best verified model; everyone can download it with the link. */
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
    assert.equal(message.from, "author");
    assert.equal(message.configHash, configHash(spec.config));
    const download = await fetch(server.url + message.url);
    assert.equal(download.status, 200);
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), weights);

    const forged = message.url.replace(/token=[^&]+/, "token=forged.token");
    assert.equal((await fetch(server.url + forged)).status, 404);
    for (const s of [author.socket, other.socket, t.console]) s.close();
  });
});
