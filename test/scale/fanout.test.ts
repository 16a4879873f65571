/**
 * Fan-out contract, run on each topology: one server process (in-memory adapter), and two
 * server processes sharing one database and the Socket.IO Redis adapter (when REDIS_URL_TEST is
 * set; .ci/run sets it). The instructor talks to the first server, students to the last: every
 * broadcast and every presence check must cross between them.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { connectClient, nextEvent, request } from "../helpers/clients";
import { instructorWithSession, joinAsGuest } from "../helpers/scenario";
import { startTestServer, type TestServer } from "../helpers/server";
import { telemetry, tinySpec } from "../helpers/training";
import { control, inPhase, makeQuiz, nextReveal, startQuiz, tf } from "../helpers/quiz";

const topologies: { name: string; servers: () => Promise<TestServer[]> }[] = [
  { name: "one process, in-memory adapter", servers: async () => [await startTestServer()] },
];
const redisUrl = process.env.REDIS_URL_TEST;
if (redisUrl) {
  topologies.push({
    name: "two processes, Redis adapter",
    servers: async () => {
      const first = await startTestServer({ env: { REDIS_URL: redisUrl } });
      const second = await startTestServer({ database: first.database, env: { REDIS_URL: redisUrl } });
      return [first, second];
    },
  });
}

for (const topology of topologies) {
  describe(`fan-out across ${topology.name}`, () => {
    let servers: TestServer[];
    let instructorServer: TestServer;
    let studentServer: TestServer;
    before(async () => {
      servers = await topology.servers();
      instructorServer = servers[0];
      studentServer = servers[servers.length - 1];
    });
    after(async () => {
      for (const s of servers.slice(1)) await s.stop();
      await servers[0].close();
    });

    it("the instructor sees students join, drop and return wherever they are connected", async () => {
      const t = await instructorWithSession(instructorServer);
      const joined = nextEvent(t.console, "roster:update", (u) => u.participants.some((p) => p.displayName === "far away" && p.connected));
      const student = await joinAsGuest(studentServer, t.code, "far away");
      await joined;
      const dropped = nextEvent(t.console, "roster:update", (u) => u.participants.some((p) => p.id === student.participantId && !p.connected));
      student.socket.close();
      await dropped;
      // A name held on another process is still "taken" there.
      const holder = await joinAsGuest(studentServer, t.code, "holder");
      const clash = await connectClient(instructorServer.url);
      const reply = await request(clash, "session:join", { code: t.code, identity: { kind: "guest", nickname: "holder" } });
      assert.ok(!reply.ok && reply.error.code === "CONFLICT");
      for (const s of [holder.socket, clash, t.console]) s.close();
    });

    it("a push and run control reach every student; their telemetry reaches the instructor", async () => {
      const t = await instructorWithSession(instructorServer);
      const students = await Promise.all(["a", "b", "c"].map((n) => joinAsGuest(studentServer, t.code, n)));
      const models = students.map((s) => nextEvent(s.socket, "training:model"));
      const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec: tinySpec() });
      assert.ok(pushed.ok);
      for (const m of await Promise.all(models)) assert.equal(m.modelSession.id, pushed.data.modelSession.id);

      const runs = students.map((s) => nextEvent(s.socket, "training:run", (r) => r.status === "running"));
      assert.ok((await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" })).ok);
      await Promise.all(runs);

      const progress = nextEvent(t.console, "training:progress", (p) => p.entries.some((e) => e.participantId === students[0].participantId && e.step === 7));
      let accepted = false;
      // The student's process learns of the push through the adapter: its first report may still be stale.
      for (let attempt = 0; attempt < 50 && !accepted; attempt++) {
        const reply = await request(students[0].socket, "training:report", telemetry(pushed.data.modelSession.id, 7));
        accepted = reply.ok && reply.data.accepted;
        if (!accepted) await new Promise((resolve) => setImmediate(resolve));
      }
      assert.ok(accepted, "the student's server accepted the report for the pushed model session");
      await progress;

      const paused = students.map((s) => nextEvent(s.socket, "training:run", (r) => r.status === "paused"));
      assert.ok((await request(t.console, "training:control", { sessionId: t.sessionId, action: "pause" })).ok);
      await Promise.all(paused);
      for (const s of [...students.map((x) => x.socket), t.console]) s.close();
    });

    it("a quiz runs across processes: answers on the other process count, the instructor sees them arrive, results reach every student", async () => {
      const t = await instructorWithSession(instructorServer);
      const students = await Promise.all(["퀴즈1", "퀴즈2"].map((name) => joinAsGuest(studentServer, t.code, name)));
      const quizId = await makeQuiz(t, [tf(true, { timeLimitSec: 60 }), tf(false, { timeLimitSec: 60 })]);
      const { roundId } = await startQuiz(t, quizId);
      for (const questionIndex of [0, 1]) {
        const opened = Promise.all(students.map((s) => nextEvent(s.socket, "quiz:state", (q) => q.phase === "question" && q.questionIndex === questionIndex)));
        await control(t.console, "quiz:next", t.sessionId);
        await opened;
        const allIn = nextEvent(t.console, "quiz:progress", (p) => p.questionIndex === questionIndex && p.answered === 2);
        const results = Promise.all(students.map((s) => nextEvent(s.socket, "quiz:result", (r) => r.questionIndex === questionIndex)));
        const revealed = nextReveal(students[0].socket, questionIndex);
        for (const [i, s] of students.entries()) {
          const reply = await request(s.socket, "quiz:answer", { roundId, questionIndex, answer: { type: "truefalse", value: i === 0 } });
          assert.ok(reply.ok, JSON.stringify(reply));
        }
        await allIn;
        // Q5a: both connected students answered (on the other process), so the question closes without a skip.
        const reveal = (await revealed).reveal;
        assert.equal(reveal.answered, 2, "both answers counted in the reveal");
        assert.deepEqual(
          (await results).map((r) => r.answered),
          [true, true],
        );
      }
      for (const s of [...students.map((x) => x.socket), t.console]) s.close();
    });

    // Last: it stops the instructor's process.
    if (topology.name.startsWith("two processes")) {
      it("an open question still closes on time when the process that opened it is gone", async () => {
        const t = await instructorWithSession(instructorServer);
        const student = await joinAsGuest(studentServer, t.code, "남은 학생");
        // A second student who does not answer keeps the question open until its deadline (Q5a).
        const silent = await joinAsGuest(studentServer, t.code, "조용한 학생");
        const quizId = await makeQuiz(t, [tf(true, { timeLimitSec: 5 })]);
        const { roundId } = await startQuiz(t, quizId);
        const opened = inPhase(await control(t.console, "quiz:next", t.sessionId), "question");
        const answered = await request(student.socket, "quiz:answer", { roundId, questionIndex: 0, answer: { type: "truefalse", value: true } });
        assert.ok(answered.ok, JSON.stringify(answered));
        const revealed = nextReveal(student.socket, 0);
        const result = nextEvent(student.socket, "quiz:result", (r) => r.questionIndex === 0);
        await instructorServer.stop();
        const reveal = await revealed;
        assert.equal(reveal.closesAt, opened.closesAt, "closed at the question's own deadline");
        assert.equal(reveal.reveal.answered, 1);
        assert.equal((await result).correctness, 1);
        student.socket.close();
        silent.socket.close();
      });
    }
  });
}
