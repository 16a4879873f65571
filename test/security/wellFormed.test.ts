/**
 * SS1 (SECURITY.md): every user string is well-formed Unicode; a write that fails fails alone;
 * a class and its roster are created together or not at all. A lone UTF-16 surrogate used to pass
 * the schemas and then fail in the database: a whole telemetry batch (honest students' progress
 * froze), quiz answers, guest nicknames and roster creation (a half-created class) answered INTERNAL.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ApiClient, nextEvent, request } from "../helpers/clients";
import { instructorWithSession, joinAsGuest, joinAsRoster } from "../helpers/scenario";
import { DB_KINDS, startTestServer, type TestServer } from "../helpers/server";
import { telemetry, tinySpec } from "../helpers/training";
import { makeQuiz, startQuiz, control } from "../helpers/quiz";

const BROKEN = "abc\uD800def"; // a lone high surrogate

for (const kind of DB_KINDS) {
  describe(`SS1 well-formed strings (${kind})`, () => {
    let server: TestServer;
    let clock = Date.now();
    before(async () => {
      server = await startTestServer({ kind, now: () => clock });
    });
    after(() => server.close());

    it("SS1: one student's lone surrogate never freezes the class's stored progress", async () => {
      const t = await instructorWithSession(server);
      const students = [
        await joinAsRoster(server, t.code, t.students["김민지"]),
        await joinAsRoster(server, t.code, t.students["Lee Jun"]),
        await joinAsRoster(server, t.code, t.students["박서연"]),
      ];
      const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec: tinySpec() });
      assert.ok(pushed.ok);
      const ms = pushed.data.modelSession.id;
      await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" });
      clock += 2000;
      for (const [i, s] of students.entries()) {
        const reply = await request(s.socket, "training:report", telemetry(ms, 10, { sample: i === 0 ? BROKEN : "honest" }));
        assert.ok(reply.ok && reply.data.accepted, JSON.stringify(reply));
      }
      const view = await request(t.console, "training:classSync", { sessionId: t.sessionId });
      assert.ok(view.ok, JSON.stringify(view));
      const stored = await server.db.trainingProgress.findMany({ where: { modelSessionId: ms } });
      assert.equal(stored.length, 3, "every student's progress is stored");
      assert.equal(stored.find((p) => p.participantId === students[0].participantId)?.sample, "abc\uFFFDdef");
      for (const s of students) s.socket.close();
      t.console.close();
    });

    it("SS1: a row that cannot be written fails alone; the rest of the batch is stored", async () => {
      const t = await instructorWithSession(server);
      const gone = await joinAsRoster(server, t.code, t.students["김민지"]);
      const honest = await joinAsRoster(server, t.code, t.students["Lee Jun"]);
      const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec: tinySpec() });
      assert.ok(pushed.ok);
      const ms = pushed.data.modelSession.id;
      await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" });
      clock += 2000;
      for (const s of [gone, honest]) assert.ok((await request(s.socket, "training:report", telemetry(ms, 10))).ok);
      // The seat's row disappears before the batch is written (its progress row now breaks a foreign key).
      await server.db.participant.delete({ where: { id: gone.participantId } });
      const view = await request(t.console, "training:classSync", { sessionId: t.sessionId });
      assert.ok(view.ok, JSON.stringify(view));
      const stored = await server.db.trainingProgress.findMany({ where: { modelSessionId: ms } });
      assert.deepEqual(
        stored.map((p) => p.participantId),
        [honest.participantId],
      );
      for (const s of [gone, honest]) s.socket.close();
      t.console.close();
    });

    it("SS1: a guest nickname and a quiz text answer with a lone surrogate get an answer, not INTERNAL", async () => {
      const t = await instructorWithSession(server);
      const guest = await joinAsGuest(server, t.code, BROKEN);
      const row = await server.db.participant.findUniqueOrThrow({ where: { id: guest.participantId } });
      assert.equal(row.displayName, "abc\uFFFDdef");

      const quizId = await makeQuiz(t, [
        { type: "text", prompt: { ko: "셀 이름?", en: "Cell?" }, accepted: ["lstm"], tags: ["lstm-gates"], timeLimitSec: 30 } as never,
      ]);
      const state = await startQuiz(t, quizId);
      const opened = nextEvent(guest.socket, "quiz:state", (s) => s.phase === "question");
      await control(t.console, "quiz:next", t.sessionId);
      await opened;
      const answer = await request(guest.socket, "quiz:answer", { roundId: state.roundId, questionIndex: 0, answer: { type: "text", text: BROKEN } });
      assert.ok(answer.ok, JSON.stringify(answer));
      guest.socket.close();
      t.console.close();
    });

    it("SS1: a roster with a lone surrogate creates the whole class at once (never a half-created class)", async () => {
      const api = new ApiClient(server.url);
      await api.ok("signup", { body: { email: `ss1-${kind}-${process.pid}@school.kr`, password: "correct horse battery", displayName: "선생님" } });
      const created = await api.call("createClass", { body: { name: `반 ${BROKEN}`, roster: `김민지\n${BROKEN}\n박서연` } });
      assert.equal(created.status, 200, JSON.stringify(created.reply));
      const { classes } = await api.ok("listClasses");
      assert.equal(classes.length, 1);
      assert.equal(classes[0].studentCount, 3);
    });
  });
}
