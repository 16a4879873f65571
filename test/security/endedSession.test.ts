/**
 * SS2 (SECURITY.md): an ended session is closed everywhere. After session:end, connected students'
 * reports and answers, the console's pushes, run control, quiz steps, leaderboard settings, the
 * instructor-model upload and submission uploads all used to succeed, and telemetry sent after the
 * end reached the stored session report. Class-model updates pass the same gate.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { nextEvent, request } from "../helpers/clients";
import { instructorWithSession, joinAsRoster } from "../helpers/scenario";
import { DB_KINDS, startTestServer, type TestServer } from "../helpers/server";
import { telemetry, tinySpec } from "../helpers/training";
import { control, makeQuiz, startQuiz, tf } from "../helpers/quiz";
import { newKey, postUpload, SAMPLE } from "../helpers/leaderboard";
import { encodeUploadBody } from "../../lib/protocol/leaderboard";
import { useBackend } from "../../lib/engine/test-support";
import { classWith, trainRound, uploadUpdate } from "../helpers/federated";

for (const kind of DB_KINDS) {
  describe(`SS2 ended sessions (${kind})`, () => {
    let server: TestServer;
    let clock = Date.now();
    before(async () => {
      await useBackend("cpu");
      server = await startTestServer({ kind, now: () => clock });
    });
    after(() => server.close());

    it("SS2: after session:end every write tied to the session is refused and nothing more is stored", async () => {
      const t = await instructorWithSession(server);
      const student = await joinAsRoster(server, t.code, t.students["김민지"]);
      const pushed = await request(t.console, "training:push", { sessionId: t.sessionId, spec: tinySpec() });
      assert.ok(pushed.ok);
      const ms = pushed.data.modelSession.id;
      assert.ok((await request(t.console, "training:control", { sessionId: t.sessionId, action: "start" })).ok);
      clock += 2000;
      assert.ok((await request(student.socket, "training:report", telemetry(ms, 10))).ok);
      assert.ok((await request(t.console, "leaderboard:settings", { sessionId: t.sessionId, submissionsOpen: true, minSteps: 0 })).ok);
      const ticket = await request(student.socket, "submission:ticket", { modelSessionId: ms });
      assert.ok(ticket.ok, JSON.stringify(ticket));
      const quizId = await makeQuiz(t, [tf(true, { timeLimitSec: 60 }), tf(false, { timeLimitSec: 60 })]);
      const round = await startQuiz(t, quizId);
      const opened = nextEvent(student.socket, "quiz:state", (s) => s.phase === "question");
      await control(t.console, "quiz:next", t.sessionId);
      await opened;

      const told = nextEvent(student.socket, "session:ended");
      assert.ok((await request(t.console, "session:end", { sessionId: t.sessionId })).ok);
      await told;

      clock += 2000;
      const report = await request(student.socket, "training:report", telemetry(ms, 500));
      assert.ok(!report.ok && ["SESSION_ENDED", "FORBIDDEN"].includes(report.error.code), JSON.stringify(report));
      const answer = await request(student.socket, "quiz:answer", { roundId: round.roundId, questionIndex: 0, answer: { type: "truefalse", value: true } });
      assert.ok(!answer.ok && ["SESSION_ENDED", "FORBIDDEN"].includes(answer.error.code), JSON.stringify(answer));

      const instructorWrites = [
        await request(t.console, "training:push", { sessionId: t.sessionId, spec: tinySpec() }),
        await request(t.console, "training:control", { sessionId: t.sessionId, action: "pause" }),
        await request(t.console, "quiz:skip", { sessionId: t.sessionId }),
        await request(t.console, "quiz:next", { sessionId: t.sessionId }),
        await request(t.console, "leaderboard:settings", { sessionId: t.sessionId, submissionsOpen: false }),
      ];
      for (const reply of instructorWrites) assert.ok(!reply.ok && reply.error.code === "SESSION_ENDED", JSON.stringify(reply));
      const classView = await request(t.console, "training:classSync", { sessionId: t.sessionId });
      assert.ok(classView.ok, "the instructor still reads the final state");
      assert.equal(classView.data.run?.status, "stopped", "a running run stops with the session");

      const model = await t.api.call("uploadInstructorModel", {
        params: { sessionId: t.sessionId },
        body: { weights: Buffer.from("not read").toString("base64") },
      });
      assert.equal(model.status, 410, JSON.stringify(model.reply));
      const upload = await postUpload(
        server.url,
        encodeUploadBody({ ticket: ticket.data.ticket, idempotencyKey: newKey(), backend: "wasm", sample: SAMPLE }, new Uint8Array(64)),
      );
      assert.equal(upload.status, 410, JSON.stringify(upload.reply));

      const stored = await server.db.trainingProgress.findMany({ where: { modelSessionId: ms } });
      assert.deepEqual(
        stored.map((p) => p.step),
        [10],
        "telemetry after the end is not stored",
      );
      assert.equal(await server.db.quizAnswer.count(), 0);
      student.socket.close();
      t.console.close();
    });

    it("SS2: a class-model update sent after the end is refused SESSION_ENDED and not stored; the class model's final state is still readable", async () => {
      const c = await classWith(server, 2);
      const [a, b] = c.students;
      assert.equal((await uploadUpdate(server.url, a.token, 0, await trainRound(server.url, a, 0))).status, 200);
      const late = await trainRound(server.url, b, 0);
      const told = nextEvent(b.socket, "session:ended");
      assert.ok((await request(c.t.console, "session:end", { sessionId: c.t.sessionId })).ok);
      await told;

      const refused = await uploadUpdate(server.url, b.token, 0, late);
      assert.equal(refused.status, 410, JSON.stringify(refused.reply));
      assert.ok(!refused.reply.ok && refused.reply.error.code === "SESSION_ENDED");
      await server.app.classModels.settled();
      assert.deepEqual(
        (await server.db.classModelUpdate.findMany({ where: { classModelId: c.classModelId } })).map((u) => u.participantId),
        [a.participantId],
        "only the update sent before the end is stored",
      );
      const view = await request(c.t.console, "classModel:classSync", { sessionId: c.t.sessionId });
      assert.ok(view.ok && view.data.classModel?.id === c.classModelId, JSON.stringify(view));
      for (const s of c.students) s.socket.close();
      c.t.console.close();
    });
  });
}
