/**
 * Submissions and the verified leaderboard over real sockets and real HTTP, with the real worker
 * pool (rule IDs from lib/leaderboard/SPEC.md), on every database kind.
 */
import assert from "node:assert/strict";
import { weightFiles } from "../../server/domain/weightFiles";
import { after, before, describe, it } from "node:test";
import { evaluateText } from "../../lib/engine/evaluate";
import { decodeWeights } from "../../lib/engine/decodeWeights";
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

/** Evaluation waits on the worker pool: a class's queue takes longer than one broadcast (ms). */
const EVALUATION_WAIT_MS = 150_000;

function scored(socket: TestSocket, id: string): Promise<MySubmission> {
  return nextEvent(socket, "submission:status", (s) => s.id === id && (s.status === "scored" || s.status === "rejected"), EVALUATION_WAIT_MS);
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
      const weights = await weightsFor(config, { trained: true, variant: 1 });
      const update = nextEvent(b.socket, "leaderboard:update", (v) => v.rows.some((r) => r.best !== null));
      const instructorUpdate = nextEvent(t.console, "leaderboard:update", (v) => v.rows.some((r) => r.best !== null));
      const sent = await submit(server.url, a.socket, ms, weights);
      assert.ok(sent.reply.ok, JSON.stringify(sent.reply));
      assert.equal(sent.reply.data.submission.status, "queued");
      // acknowledged only after it is durably stored: the row is there with its hash, the bytes in their file
      const row = await server.db.submission.findUniqueOrThrow({ where: { id: sent.reply.data.submission.id } });
      assert.deepEqual(await weightFiles(server.env.DATA_DIR).read(row.weightsSha256), weights);
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

    it("L11: a retried upload with the same idempotency key returns the first submission and counts once", async () => {
      const { t, ms, students } = await round(server, 1);
      const [a] = students;
      const weights = await weightsFor(config, { trained: true, variant: 2 });
      const key = newKey();
      const first = await submit(server.url, a.socket, ms, weights, { idempotencyKey: key });
      const again = await submit(server.url, a.socket, ms, weights, { idempotencyKey: key });
      assert.ok(first.reply.ok && again.reply.ok);
      assert.equal(again.reply.data.submission.id, first.reply.data.submission.id);
      assert.equal(again.reply.data.retried, true);
      assert.equal(await count(server, ms), 1);
      await scored(a.socket, first.reply.data.submission.id);
      closeAll(t.console, a.socket);
    });

    it("L11: more submissions than allowed are refused and nothing is stored", async () => {
      const { t, ms, students } = await round(server, 1);
      const [a] = students;
      const set = await request(t.console, "leaderboard:settings", { sessionId: t.sessionId, submissionLimit: 2 });
      assert.ok(set.ok && set.data.settings.submissionLimit === 2);
      const weights = await weightsFor(config, { trained: true, variant: 3 });
      for (let i = 0; i < 2; i++) assert.ok((await submit(server.url, a.socket, ms, weights)).reply.ok);
      const third = await submit(server.url, a.socket, ms, weights);
      assert.ok(
        !third.reply.ok && third.reply.error.code === "CONFLICT" && third.reply.error.issues?.reason?.[0] === "LIMIT_REACHED",
        JSON.stringify(third.reply),
      );
      assert.equal(await count(server, ms), 2);
      closeAll(t.console, a.socket);
    });

    it("L11: two uploads racing for the last slot: exactly one is stored", async () => {
      const { t, ms, students } = await round(server, 1);
      const [a] = students;
      await request(t.console, "leaderboard:settings", { sessionId: t.sessionId, submissionLimit: 2 });
      const weights = await weightsFor(config, { trained: true, variant: 5 });
      assert.ok((await submit(server.url, a.socket, ms, weights)).reply.ok);
      const racing = await Promise.all([submit(server.url, a.socket, ms, weights), submit(server.url, a.socket, ms, weights)]);
      const refused = racing.filter((r) => !r.reply.ok);
      assert.equal(refused.length, 1, JSON.stringify(racing.map((r) => r.reply)));
      assert.ok(!refused[0].reply.ok && refused[0].reply.error.issues?.reason?.[0] === "LIMIT_REACHED");
      assert.equal(await count(server, ms), 2);
      closeAll(t.console, a.socket);
    });

    it("L12: the minimum steps are checked against the server's telemetry, never the client's claim", async () => {
      const { t, ms, students } = await round(server, 1);
      const [a] = students;
      await request(t.console, "leaderboard:settings", { sessionId: t.sessionId, minSteps: 100 });
      const trainedFile = await weightsFor(config, { trained: true, variant: 4 });
      const early = await submit(
        server.url,
        a.socket,
        ms,
        rewriteHeader(trainedFile, (h) => (h.step = 5000)),
      );
      assert.ok(!early.reply.ok && early.reply.error.issues?.reason?.[0] === "TOO_FEW_STEPS", JSON.stringify(early.reply));
      clock += 1000;
      assert.ok((await request(a.socket, "training:report", telemetry(ms, 150))).ok);
      const later = await submit(server.url, a.socket, ms, trainedFile);
      assert.ok(later.reply.ok, JSON.stringify(later.reply));
      const row = await server.db.submission.findUniqueOrThrow({ where: { id: later.reply.data.submission.id } });
      assert.equal(row.step, 150, "the stored step is the server's");
      closeAll(t.console, a.socket);
    });

    it("L10: submissions after they close are refused (also with a ticket issued before)", async () => {
      const { t, ms, students } = await round(server, 1);
      const [a] = students;
      const early = await ticketFor(a.socket, ms);
      assert.ok(early.ok);
      await request(t.console, "leaderboard:settings", { sessionId: t.sessionId, submissionsOpen: false });
      const ticket = await ticketFor(a.socket, ms);
      assert.ok(!ticket.ok && ticket.error.issues?.reason?.[0] === "SUBMISSIONS_CLOSED");
      const late = await submit(server.url, a.socket, ms, await weightsFor(config), { ticket: early.data.ticket });
      assert.ok(!late.reply.ok && late.reply.error.issues?.reason?.[0] === "SUBMISSIONS_CLOSED");
      assert.equal(await count(server, ms), 0);
      closeAll(t.console, a.socket);
    });

    it("L13: broken, oversized, reshaped, foreign, NaN and wrong-vocabulary weight files are refused with a reason; nothing is stored", async () => {
      // one student per case: each student's upload rate is limited (L15)
      const { t, ms, students } = await round(server, 10);
      const good = await weightsFor(config, { trained: true, variant: 5 });
      const cases: [label: string, bytes: Uint8Array, code: string, status: number][] = [
        ["truncated", good.subarray(0, good.length - 100), "TRUNCATED", 400],
        ["not a weight file", new TextEncoder().encode("<html>hello</html>"), "BAD_MAGIC", 400],
        ["wrong shape", rewriteHeader(good, (h) => ((h.tensors as { shape: number[] }[])[0].shape = [3, 3])), "SHAPE_MISMATCH", 400],
        ["another configuration", await weightsFor({ ...config, cell: "gru" }), "CONFIG_MISMATCH", 400],
        ["a knob out of bounds", await weightsFor({ ...config, learningRate: 0.09 }), "CONFIG_MISMATCH", 400],
        ["containing NaN", withNaN(good), "NON_FINITE", 400],
        [
          "another vocabulary",
          rewriteHeader(good, (h) => {
            const v = h.vocabulary as string[];
            [v[1], v[2]] = [v[2], v[1]];
          }),
          "VOCABULARY_MISMATCH",
          400,
        ],
        ["too large", new Uint8Array(8 * 1024 * 1024 + 1), "TOO_LARGE", 413],
      ];
      for (const [i, [label, bytes, code, status]] of cases.entries()) {
        const sent = await submit(server.url, students[i].socket, ms, bytes);
        assert.equal(sent.status, status, label);
        assert.ok(!sent.reply.ok && sent.reply.error.issues?.weights?.[0] === code, `${label}: ${JSON.stringify(sent.reply).slice(0, 300)}`);
      }
      const huge = await postUpload(server.url, new Uint8Array(9 * 1024 * 1024));
      assert.ok(huge.status === 413 && !huge.reply.ok && huge.reply.error.code === "PAYLOAD_TOO_LARGE");
      assert.equal(await count(server, ms), 0);
      // a knob within bounds is fine
      assert.ok((await submit(server.url, students[9].socket, ms, await weightsFor({ ...config, learningRate: 0.02 }))).reply.ok);
      closeAll(t.console, ...students.map((s) => s.socket));
    });

    it("L14: empty and over-long samples are refused; markup is stored and served as text", async () => {
      const { t, ms, students } = await round(server, 5);
      const a = students[4];
      const weights = await weightsFor(config, { trained: true, variant: 6 });
      for (const [i, sample] of [
        { ...SAMPLE, text: "" },
        { ...SAMPLE, text: " \n " },
        { ...SAMPLE, text: "a".repeat(2001) },
        { ...SAMPLE, text: "bell\u0007" },
      ].entries()) {
        const sent = await submit(server.url, students[i].socket, ms, weights, { sample });
        assert.ok(!sent.reply.ok && sent.reply.error.code === "BAD_REQUEST" && sent.reply.error.issues?.sample, JSON.stringify(sent.reply).slice(0, 200));
      }
      const ticket = await ticketFor(a.socket, ms); // W13: metadata is validated only once the ticket is (else 401)
      assert.ok(ticket.ok);
      const malformed = await postUpload(
        server.url,
        encodeUploadBody({ ticket: ticket.data.ticket, idempotencyKey: "short", backend: "wasm", sample: SAMPLE }, weights),
      );
      assert.ok(!malformed.reply.ok && malformed.reply.error.code === "BAD_REQUEST" && malformed.reply.error.issues?.idempotencyKey);
      assert.equal(await count(server, ms), 0);
      const markup = "<script>alert(1)</script><img src=x onerror=alert(2)>";
      const sent = await submit(server.url, a.socket, ms, weights, { sample: { ...SAMPLE, text: markup } });
      assert.ok(sent.reply.ok);
      await scored(a.socket, sent.reply.data.submission.id);
      const sync = await request(a.socket, "leaderboard:sync", { sessionId: t.sessionId });
      assert.ok(sync.ok && sync.data.board.rows[0].best?.sample.text === markup && sync.data.mine[0].sample.text === markup);
      closeAll(t.console, ...students.map((s) => s.socket));
    });

    it("only the ticket says who submits: forged, altered, expired, foreign and instructor tickets are refused", async () => {
      const { t, ms, students } = await round(server, 2);
      const [a, b] = students;
      const weights = await weightsFor(config, { trained: true, variant: 7 });
      const ticket = await ticketFor(a.socket, ms);
      assert.ok(ticket.ok);
      const [body, sig] = ticket.data.ticket.split(".");
      const claims = JSON.parse(Buffer.from(body, "base64url").toString()) as Record<string, unknown>;
      const altered = `${Buffer.from(JSON.stringify({ ...claims, p: b.participantId })).toString("base64url")}.${sig}`;
      for (const bad of [altered, "forged.token", `${body}.${"A".repeat(43)}`]) {
        const sent = await submit(server.url, a.socket, ms, weights, { ticket: bad });
        assert.ok(sent.status === 401 && !sent.reply.ok && sent.reply.error.code === "INVALID_TOKEN");
      }
      const byInstructor = await ticketFor(t.console, ms);
      assert.ok(!byInstructor.ok && byInstructor.error.code === "FORBIDDEN");
      const other = await round(server, 1);
      const foreign = await ticketFor(a.socket, other.ms);
      assert.ok(!foreign.ok && foreign.error.code === "NOT_FOUND");
      const saved = clock;
      clock += 11 * 60_000;
      const expired = await submit(server.url, a.socket, ms, weights, { ticket: ticket.data.ticket });
      clock = saved;
      assert.ok(!expired.reply.ok && expired.reply.error.code === "INVALID_TOKEN", JSON.stringify(expired.reply));
      assert.equal(await count(server, ms), 0);
      const syncOther = await request(a.socket, "leaderboard:sync", { sessionId: other.t.sessionId });
      assert.ok(!syncOther.ok && syncOther.error.code === "FORBIDDEN");
      closeAll(t.console, a.socket, b.socket, other.t.console, ...other.students.map((s) => s.socket));
    });

    it("L15: a flood of uploads from one student is rate limited", async () => {
      const { t, ms, students } = await round(server, 1);
      const [a] = students;
      await request(t.console, "leaderboard:settings", { sessionId: t.sessionId, submissionLimit: 50 });
      const weights = await weightsFor(config, { trained: true, variant: 8 });
      const issued = await ticketFor(a.socket, ms);
      assert.ok(issued.ok);
      const ticket = issued.data.ticket;
      const results = await Promise.all(Array.from({ length: 8 }, () => submit(server.url, a.socket, ms, weights, { ticket })));
      const accepted = results.filter((r) => r.reply.ok).length;
      const limited = results.filter((r) => !r.reply.ok && r.reply.error.code === "RATE_LIMITED").length;
      assert.equal(accepted, 3);
      assert.equal(limited, 5);
      assert.equal(await count(server, ms), 3);
      closeAll(t.console, a.socket);
    });

    it("submissions end with the session", async () => {
      const { t, ms, students } = await round(server, 1);
      const [a] = students;
      const ticket = await ticketFor(a.socket, ms);
      assert.ok(ticket.ok);
      await request(t.console, "session:end", { sessionId: t.sessionId });
      const sent = await submit(server.url, a.socket, ms, await weightsFor(config), { ticket: ticket.data.ticket });
      assert.ok(!sent.reply.ok && sent.reply.error.code === "SESSION_ENDED");
      closeAll(t.console, a.socket);
    });

    it("L5–L9: disqualify with a reason, duplicates flagged, private reveal with rank changes, votes and winners, CSV", async () => {
      const { t, ms, students } = await round(server, 3);
      const [a, b, c] = students;
      const wa = await weightsFor(config, { trained: true, variant: 1 });
      const wb = await weightsFor(config, { trained: true, variant: 3 });
      const ids: string[] = [];
      for (const [s, w] of [
        [a, wa],
        [b, wb],
        [c, wa],
      ] as const) {
        const sent = await submit(server.url, s.socket, ms, w, { sample: { ...SAMPLE, text: `sample of ${s.participantId}` } });
        assert.ok(sent.reply.ok);
        ids.push(sent.reply.data.submission.id);
        await scored(s.socket, sent.reply.data.submission.id);
      }
      const synced = await request(t.console, "leaderboard:sync", { sessionId: t.sessionId });
      assert.ok(synced.ok);
      const byName = (v: LeaderboardView, name: string) => v.rows.find((r) => r.name === name);
      assert.deepEqual(byName(synced.data.board, "s3")?.flags, ["duplicate"], "L6: c copied a's weights");
      assert.deepEqual(byName(synced.data.board, "s1")?.flags, []);

      const heard = nextEvent(c.socket, "submission:status", (s) => s.id === ids[2] && s.disqualifiedReason !== null);
      const dq = await request(t.console, "leaderboard:disqualify", { sessionId: t.sessionId, submissionId: ids[2], reason: "copied s1's file" });
      assert.ok(dq.ok);
      assert.equal((await heard).disqualifiedReason, "copied s1's file");
      const byStudent = await request(a.socket, "leaderboard:disqualify", { sessionId: t.sessionId, submissionId: ids[0], reason: "no" });
      assert.ok(!byStudent.ok && byStudent.error.code === "FORBIDDEN");

      // votes (L8)
      const own = await request(a.socket, "vote:cast", { submissionId: ids[0] });
      assert.ok(!own.ok && own.error.code === "FORBIDDEN");
      const dqVote = await request(a.socket, "vote:cast", { submissionId: ids[2] });
      assert.ok(!dqVote.ok && dqVote.error.code === "NOT_FOUND");
      assert.ok((await request(a.socket, "vote:cast", { submissionId: ids[1] })).ok);
      assert.ok((await request(c.socket, "vote:cast", { submissionId: ids[0] })).ok);
      assert.ok((await request(c.socket, "vote:cast", { submissionId: ids[1] })).ok, "voting again moves the vote");
      assert.ok((await request(c.socket, "vote:cast", { submissionId: ids[1] })).ok, "L8: the same vote sent again (a resend after a rejoin) is accepted");
      assert.equal(await server.db.sampleVote.count({ where: { modelSessionId: ms } }), 2);

      const revealed = nextEvent(b.socket, "leaderboard:update", (v) => v.settings?.privateRevealedAt !== null && v.voteWinners.length > 0);
      assert.ok((await request(t.console, "vote:close", { sessionId: t.sessionId })).ok);
      const late = await request(b.socket, "vote:cast", { submissionId: ids[0] });
      assert.ok(!late.ok && late.error.code === "CONFLICT");
      assert.ok((await request(t.console, "leaderboard:reveal", { sessionId: t.sessionId })).ok);
      const view = await revealed;
      assert.deepEqual(view.voteWinners, [ids[1]]);
      const ranked = view.rows.filter((r) => r.rank !== null);
      assert.equal(ranked.length, 2);
      for (const r of ranked) {
        assert.ok(r.best?.privateBpc !== null && r.privateRank !== null && r.rankChange === (r.rank ?? 0) - (r.privateRank ?? 0));
        assert.equal(r.disqualifiedReason, null, "students do not receive others' disqualification reasons");
      }
      assert.equal(byName(view, "s2")?.best?.votes, 2);
      assert.deepEqual(byName(view, "s3")?.flags, ["disqualified"]);
      assert.equal(byName(view, "s3")?.rank, null);

      const csv = await t.api.call("leaderboardCsv", { params: { sessionId: t.sessionId } });
      assert.ok(csv.reply.ok);
      assert.ok(csv.reply.data.csv.startsWith("\uFEFFrank,private_rank"));
      assert.match(csv.reply.data.csv, /copied s1's file/);
      const stranger = new (await import("../helpers/clients")).ApiClient(server.url);
      assert.equal((await stranger.call("leaderboardCsv", { params: { sessionId: t.sessionId } })).status, 401);
      closeAll(t.console, a.socket, b.socket, c.socket);
    });

    it("30 students submit at once: every submission is scored, none lost, and the ranking is by verified score", async () => {
      const { t, ms, students } = await round(server, 30);
      const files = await Promise.all(students.map((_, i) => weightsFor(config, { trained: true, variant: i + 1 })));
      const finished = students.map((s) =>
        nextEvent(s.socket, "submission:status", (v) => v.status === "scored" || v.status === "rejected", EVALUATION_WAIT_MS),
      );
      const sent = await Promise.all(students.map((s, i) => submit(server.url, s.socket, ms, files[i])));
      for (const r of sent) assert.ok(r.reply.ok, JSON.stringify(r.reply).slice(0, 200));
      const results = await Promise.all(finished);
      assert.ok(results.every((r) => r.status === "scored"));
      const sync = await request(t.console, "leaderboard:sync", { sessionId: t.sessionId });
      assert.ok(sync.ok);
      const rows = sync.data.board.rows;
      assert.equal(rows.length, 30);
      const scores = rows.map((r) => r.best?.publicBpc ?? Infinity);
      assert.deepEqual(
        scores,
        [...scores].sort((x, y) => x - y),
      );
      assert.deepEqual(
        rows.map((r) => r.rank),
        Array.from({ length: 30 }, (_, i) => i + 1),
      );
      closeAll(t.console, ...students.map((s) => s.socket));
    });
  });
}

describe("the evaluation queue survives a restart", () => {
  it("jobs queued when the server stops are all scored after it starts again on the same database; the board is rebuilt the same", async () => {
    await engineReady();
    const server = await startTestServer();
    const { t, ms, students } = await round(server, 8);
    const files = await Promise.all(students.map((_, i) => weightsFor(config, { trained: true, variant: i + 1 })));
    const sent = await Promise.all(students.map((s, i) => submit(server.url, s.socket, ms, files[i])));
    for (const r of sent) assert.ok(r.reply.ok);
    closeAll(t.console, ...students.map((s) => s.socket));
    await server.stop();
    const left = await (
      await import("../../server/db/client")
    )
      .createDb(server.database.url)
      .submission.count({ where: { modelSessionId: ms, status: { in: ["queued", "evaluating"] } } });
    assert.ok(left > 0, "the restart happens with jobs still in the queue");

    const restarted = await startTestServer({ database: server.database });
    try {
      const deadline = Date.now() + 120_000;
      while ((await restarted.db.submission.count({ where: { modelSessionId: ms, status: "scored" } })) < 8) {
        assert.ok(Date.now() < deadline, "all submissions scored after the restart");
        await new Promise((r) => setTimeout(r, 200));
      }
      const console2 = await connectClient(restarted.url, { cookie: t.api.cookie });
      assert.ok((await request(console2, "instructor:attach", { sessionId: t.sessionId })).ok);
      const first = await request(console2, "leaderboard:sync", { sessionId: t.sessionId });
      assert.ok(first.ok && first.data.board.rows.length === 8 && first.data.board.pending === 0);
      console2.close();
      await restarted.stop();
      const again = await startTestServer({ database: server.database });
      const console3 = await connectClient(again.url, { cookie: t.api.cookie });
      assert.ok((await request(console3, "instructor:attach", { sessionId: t.sessionId })).ok);
      const second = await request(console3, "leaderboard:sync", { sessionId: t.sessionId });
      assert.ok(second.ok);
      assert.deepEqual(second.data.board, first.data.board, "the leaderboard is rebuilt from the database exactly as it was");
      console3.close();
      await again.stop();
    } finally {
      await restarted.stop();
      await server.database.drop();
    }
  });
});
