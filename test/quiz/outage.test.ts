/**
 * Q5b: a question's clock pauses while no server keeps it (issue 16 §3: students lost 9–18 s of a
 * 30 s question to a restart). Two real restarts on every database kind: a graceful stop and start
 * of the application on the same database with a clock the test drives (exact figures), and a
 * `kill -9` of a real server process, whose outage is measured from the question's last heartbeat.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { describe, it } from "node:test";
import { OUTAGE_MIN_MS, QUESTION_HEARTBEAT_MS, RECONNECT_GRACE_MS } from "../../lib/quiz/round";
import { createDb } from "../../server/db/client";
import { ApiClient, connectClient, request, type TestSocket } from "../helpers/clients";
import { freePort, startProcess } from "../helpers/processes";
import { control, inPhase, makeQuiz, startQuiz, tf } from "../helpers/quiz";
import { instructorWithSession, joinAsGuest } from "../helpers/scenario";
import { DB_KINDS, freshDatabase, startTestServer } from "../helpers/server";

/** A student's socket on a (restarted) server, seated again with their rejoin token. */
async function rejoin(url: string, token: string): Promise<TestSocket> {
  const socket = await connectClient(url);
  const reply = await request(socket, "session:rejoin", { rejoinToken: token });
  assert.ok(reply.ok, JSON.stringify(reply));
  return socket;
}

for (const kind of DB_KINDS) {
  describe(`Q5b quiz clock across a restart (${kind})`, () => {
    it("a graceful restart: the question gets back exactly the time it had left, plus the reconnect grace", async () => {
      let clock = Date.UTC(2026, 11, 1, 9, 0, 0);
      const now = () => clock;
      const first = await startTestServer({ kind, now });
      const t = await instructorWithSession(first);
      const mina = await joinAsGuest(first, t.code, "미나");
      const jun = await joinAsGuest(first, t.code, "준");
      await startQuiz(t, await makeQuiz(t, [tf(true, { timeLimitSec: 30 })]));
      const open = inPhase(await control(t.console, "quiz:next", t.sessionId), "question");
      assert.equal(open.closesAt - open.startedAt, 30_000);
      clock += 10_000;
      const early = await request(mina.socket, "quiz:answer", { roundId: open.roundId, questionIndex: 0, answer: { type: "truefalse", value: true } });
      assert.ok(early.ok && early.data.elapsedMs === 10_000, JSON.stringify(early));
      for (const s of [mina.socket, jun.socket, t.console]) s.close();
      await first.stop(); // the clock stops here: 20 s left

      clock += 60_000; // down for a minute: without Q5b the question would have closed 40 s ago
      const second = await startTestServer({ kind, now, database: first.database });
      try {
        const junBack = await rejoin(second.url, jun.token);
        const synced = await request(junBack, "quiz:sync", { sessionId: t.sessionId });
        assert.ok(synced.ok, JSON.stringify(synced));
        const resumed = inPhase(synced.data.state, "question");
        assert.equal(resumed.closesAt - synced.data.state!.serverNow, 20_000 + RECONNECT_GRACE_MS, "the 20 s left, and the grace");
        assert.equal(resumed.startedAt, open.startedAt + 60_000, "the start moves by the outage");

        // 준 answers 5 s after the restart (55 s after the question's first deadline): it counts, and
        // its elapsed time leaves the outage out (10 s before it + 5 s after).
        clock += 5_000;
        const late = await request(junBack, "quiz:answer", { roundId: open.roundId, questionIndex: 0, answer: { type: "truefalse", value: false } });
        assert.ok(late.ok, JSON.stringify(late));
        assert.equal(late.data.elapsedMs, 15_000);
        // Mina's answer from before the outage is still the one that counts for her (Q8).
        const minaBack = await rejoin(second.url, mina.token);
        const again = await request(minaBack, "quiz:answer", { roundId: open.roundId, questionIndex: 0, answer: { type: "truefalse", value: false } });
        assert.equal(!again.ok && again.error.code, "CONFLICT");
        const rows = await second.db.quizAnswer.findMany({ where: { roundId: open.roundId }, orderBy: { elapsedMs: "asc" } });
        assert.deepEqual(
          rows.map((r) => r.elapsedMs),
          [10_000, 15_000],
        );
        for (const s of [junBack, minaBack]) s.close();
      } finally {
        await second.close();
      }
    });

    it("kill -9: the time left at the last heartbeat comes back after the restart", { timeout: 120_000 }, async () => {
      const database = await freshDatabase(kind);
      const dataDir = mkdtempSync(join(tmpdir(), "rnn-classroom-outage-"));
      const port = await freePort();
      const env = { DATABASE_URL: database.url, DATA_DIR: dataDir, SESSION_SECRET: "outage-secret-outage-secret-outage-0123", PORT: String(port) };
      const url = `http://127.0.0.1:${port}`;
      const db = createDb(database.url);
      let server = startProcess(env);
      try {
        await server.listening;
        const t = await instructorWithSession({ url });
        const student = await joinAsGuest({ url }, t.code, "미나");
        await startQuiz(t, await makeQuiz(t, [tf(true, { timeLimitSec: 60 })]));
        const open = inPhase(await control(t.console, "quiz:next", t.sessionId), "question");
        // Wait until the server has stamped a heartbeat after the opening one.
        const stamped = async () => (await db.quizRound.findUniqueOrThrow({ where: { id: open.roundId } })).questionAliveAt!.getTime();
        while ((await stamped()) <= open.startedAt) await delay(QUESTION_HEARTBEAT_MS / 4);
        for (const s of [student.socket, t.console]) s.close();
        server.child.kill("SIGKILL");
        await server.exited;
        const lastAlive = await stamped();
        const killedAt = Date.now();
        // The scenario: the server stays down a little longer than a stalled heartbeat could explain.
        await delay(OUTAGE_MIN_MS + 1_000);
        server = startProcess(env);
        await server.listening;

        const round = await db.quizRound.findUniqueOrThrow({ where: { id: open.roundId } });
        const [startedAt, closesAt, resumedAt] = [round.questionStartedAt!, round.questionClosesAt!, round.questionAliveAt!].map((d) => d.getTime());
        assert.equal(round.phase, "question", "the question is still open after the restart");
        assert.equal(closesAt - resumedAt, open.closesAt - lastAlive + RECONNECT_GRACE_MS, "the time left at the last heartbeat, and the grace");
        assert.equal(startedAt - open.startedAt, resumedAt - lastAlive, "the start moves by the outage");
        assert.ok(resumedAt - lastAlive >= killedAt - lastAlive + OUTAGE_MIN_MS, "the outage covers the time the server was down");

        const back = await rejoin(url, student.token);
        const answered = await request(back, "quiz:answer", { roundId: open.roundId, questionIndex: 0, answer: { type: "truefalse", value: true } });
        assert.ok(answered.ok, JSON.stringify(answered));
        assert.ok(answered.data.elapsedMs <= answered.data.receivedAt - resumedAt + (lastAlive - open.startedAt), "elapsed time leaves the outage out");
        back.close();
      } finally {
        server.child.kill("SIGKILL");
        await server.exited;
        await db.$disconnect();
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
