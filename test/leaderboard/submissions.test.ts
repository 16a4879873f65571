/**
 * Submissions and the verified leaderboard over real sockets and real HTTP, with the real worker
 * pool (rule IDs from lib/leaderboard/SPEC.md), on every database kind.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { evaluateText } from "../../lib/engine/evaluate";
import { decodeWeights } from "../../lib/engine/weights";
import { encode } from "../../lib/engine/text";
import { evaluationWindow } from "../../lib/leaderboard/score";
import type { LeaderboardView, MySubmission } from "../../lib/protocol/leaderboard";
import { encodeUploadBody } from "../../lib/protocol/leaderboard";
import { connectClient, nextEvent, request, type TestSocket } from "../helpers/clients";
import { instructorWithSession, joinAsGuest, type InstructorScenario, type JoinedStudent } from "../helpers/scenario";
import { DB_KINDS, startTestServer, type TestServer } from "../helpers/server";
import { telemetry, tinySpec } from "../helpers/training";
import { SAMPLE, corpusSplit, engineReady, newKey, postUpload, rewriteHeader, submit, ticketFor, weightsFor, withNaN } from "../helpers/leaderboard";

const spec = tinySpec();
const config = spec.config;

/** A session with a pushed, running round and `n` guests. */
async function round(server: TestServer, n: number): Promise<{ t: InstructorScenario; ms: string; students: JoinedStudent[] }> {
  const t = await instructorWithSession(server);
  const students = await Promise.all(Array.from({ length: n }, (_, i) => joinAsGuest(server, t.code, `s${i + 1}`)));
  const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec });
  assert.ok(pushed.ok, JSON.stringify(pushed));
  await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" });
  return { t, ms: pushed.data.modelSession.id, students };
}

function scored(socket: TestSocket, id: string): Promise<MySubmission> {
  return nextEvent(socket, "submission:status", (s) => s.id === id && (s.status === "scored" || s.status === "rejected"));
}

function closeAll(...sockets: TestSocket[]) {
  for (const s of sockets) s.close();
}

async function count(server: TestServer, ms: string) {
  return server.db.submission.count({ where: { modelSessionId: ms } });
}

for (const kind of DB_KINDS) {
  describe(`submissions and the leaderboard (${kind})`, () => {
    let server: TestServer;
    let clock = Date.now();
    before(async () => {
      await engineReady();
      server = await startTestServer({ kind, now: () => clock });
    });
    after(() => server.close());

    it("L0–L3: a submission is stored, scored on the held-out split and broadcast to everyone", async () => {
      const { t, ms, students } = await round(server, 2);
      const [a, b] = students;
      const weights = await weightsFor(config, { variant: 1 });
      const update = nextEvent(b.socket, "leaderboard:update", (v) => v.rows.some((r) => r.best !== null));
      const instructorUpdate = nextEvent(t.console, "leaderboard:update", (v) => v.rows.some((r) => r.best !== null));
      const sent = await submit(server.url, a.socket, ms, weights);
      assert.ok(sent.reply.ok, JSON.stringify(sent.reply));
      assert.equal(sent.reply.data.submission.status, "queued");
      // acknowledged only after it is durably stored: the row is there with its bytes and hash
      const row = await server.db.submission.findUniqueOrThrow({ where: { id: sent.reply.data.submission.id } });
      assert.deepEqual(new Uint8Array(row.weights), weights);
      assert.match(row.weightsSha256, /^[0-9a-f]{64}$/);
      const done = await scored(a.socket, row.id);
      assert.equal(done.status, "scored", done.error ?? "");
      // the score equals the engine's own evaluation of the public half (other thread, other backend)
      const { model, vocabulary } = decodeWeights(weights);
      const ids = encode(vocabulary, evaluationWindow(corpusSplit().test));
      const expected = evaluateText(model, ids.subarray(0, Math.floor(ids.length / 2))).bitsPerChar;
      model.dispose();
      assert.ok(Math.abs((done.publicBpc ?? 0) - expected) < 1e-4, `${done.publicBpc} vs ${expected}`);
      assert.equal(done.privateBpc, null, "L5: private scores stay on the server before the reveal");
      assert.equal(done.temperatureCard.length, 4);
      assert.ok(done.novelty !== null && done.sampleBpc !== null);
      const view: LeaderboardView = await update;
      assert.equal(view.rows[0].name, "s1");
      assert.equal(view.rows[0].best?.privateBpc, null);
      assert.equal(view.rows[0].best?.sample.text, SAMPLE.text);
      assert.equal(view.rows[0].best?.backend, "wasm");
      assert.ok((await instructorUpdate).rows[0].best);
      closeAll(t.console, a.socket, b.socket);
    });
  });
}
