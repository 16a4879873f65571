/**
 * Live quiz rounds with real sockets on every database kind (lib/quiz/SPEC.md): 100 students
 * answering one question, the server's clock closing it, late and duplicate answers, roles,
 * standings, and a restart in the middle of a question.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { connectClient, nextEvent, request, type TestSocket } from "../helpers/clients";
import { choice, control, inPhase, makeQuiz, nextReveal, startQuiz, tf } from "../helpers/quiz";
import { instructorWithSession, joinAsGuest, type InstructorScenario, type JoinedStudent } from "../helpers/scenario";
import { DB_KINDS, startTestServer, type TestServer } from "../helpers/server";

const STUDENTS = 100;

for (const kind of DB_KINDS) {
  describe(`live quiz round (${kind})`, () => {
    let server: TestServer;
    let t: InstructorScenario;
    let students: JoinedStudent[] = [];

    before(async () => {
      server = await startTestServer({ kind });
      t = await instructorWithSession(server, "");
      students = [];
      for (let i = 0; i < STUDENTS; i += 20) {
        students.push(...(await Promise.all(Array.from({ length: Math.min(20, STUDENTS - i) }, (_, j) => joinAsGuest(server, t.code, `학생${i + j}`)))));
      }
    });
    after(async () => {
      await server.close();
      for (const s of students) s.socket.close();
      t.console.close();
    });

    it("Q3 Q5a Q7 Q8 Q15a Q20 Q21: 100 students answer within the window and the question closes when all have; each counted once; late and duplicate answers refused; standings correct", async () => {
      const quizId = await makeQuiz(t, [choice(2, { timeLimitSec: 5 }), tf(true, { timeLimitSec: 5 })]);
      const lobby = await startQuiz(t, quizId);
      assert.equal(lobby.phase, "lobby");
      const opened = nextEvent(students[0].socket, "quiz:state", (s) => s.phase === "question");
      const state = inPhase(await control(t.console, "quiz:next", t.sessionId), "question");
      assert.equal(state.question.options?.length, 4);
      assert.equal(JSON.stringify(state).includes('"correct"'), false, "the open question carries no answer");
      assert.equal(state.closesAt - state.startedAt, 5000);
      assert.equal(inPhase(await opened, "question").closesAt, state.closesAt, "every client gets the server's closesAt");

      const reveal = nextReveal(students[0].socket, 0);
      const results = students.map((s) => nextEvent(s.socket, "quiz:result", (r) => r.questionIndex === 0));
      const standingsForConsole = nextEvent(t.console, "quiz:standings");
      // Q15a: students see the options shuffled for this round and answer with the position they pressed.
      const shown = state.question.options!.map((o) => o.en);
      assert.deepEqual([...shown].sort(), ["A", "B", "C", "D"]);
      const [right, wrong] = [shown.indexOf("C"), shown.indexOf("B")];
      // Students 0..59 press the right option (C), 60..99 a wrong one (B); everyone tries twice.
      const replies = await Promise.all(
        students.map((s, i) =>
          request(s.socket, "quiz:answer", { roundId: state.roundId, questionIndex: 0, answer: { type: "single", choice: i < 60 ? right : wrong } }),
        ),
      );
      for (const r of replies) {
        assert.ok(r.ok, JSON.stringify(r));
        assert.ok(r.data.receivedAt >= state.startedAt && r.data.receivedAt <= state.closesAt);
        assert.equal(r.data.elapsedMs, r.data.receivedAt - state.startedAt!);
        assert.equal("points" in r.data, false, "Q9: no points before the reveal");
      }
      // Q8: another answer changes nothing; Q8a: the same answer again (a resend after a dropped
      // connection) gets the first one's acknowledgement and is not counted twice.
      const again = await Promise.all(
        students
          .slice(0, 10)
          .map((s) => request(s.socket, "quiz:answer", { roundId: state.roundId, questionIndex: 0, answer: { type: "single", choice: wrong } })),
      );
      for (const r of again) assert.equal(!r.ok && r.error.code, "CONFLICT");
      const resent = await Promise.all(
        students
          .slice(0, 10)
          .map((s) => request(s.socket, "quiz:answer", { roundId: state.roundId, questionIndex: 0, answer: { type: "single", choice: right } })),
      );
      resent.forEach((r, i) => assert.deepEqual(r, replies[i], "Q8a: the first answer's acknowledgement"));

      const revealed = await reveal;
      assert.ok(Date.now() < state.closesAt, "Q5a: every connected student answered, so the question closed before its timer");
      assert.ok(revealed.closesAt < state.closesAt, "the state says when it really closed");
      assert.equal(revealed.reveal.answered, STUDENTS);
      assert.equal(revealed.reveal.correctCount, 60);
      // The histogram's bars are in the order the buttons were shown (their colours and shapes).
      assert.deepEqual(
        revealed.reveal.histogram.map((b) => [b.label.en, b.count, b.correct]),
        shown.map((label) => [label, label === "C" ? 60 : label === "B" ? 40 : 0, label === "C"]),
      );
      assert.deepEqual(revealed.reveal.correctAnswer, [{ ko: "C", en: "C" }]);

      const late = await request(students[99].socket, "quiz:answer", { roundId: state.roundId, questionIndex: 0, answer: { type: "single", choice: right } });
      assert.equal(!late.ok && late.error.code, "CONFLICT");
      // Q8a: after the close, a counted answer sent again (its acknowledgement was lost) is still acknowledged.
      const resentLate = await request(students[0].socket, "quiz:answer", {
        roundId: state.roundId,
        questionIndex: 0,
        answer: { type: "single", choice: right },
      });
      assert.deepEqual(resentLate, replies[0]);

      const rows = await server.db.quizAnswer.findMany({ where: { roundId: state.roundId } });
      assert.equal(rows.length, STUDENTS, "one row per student");
      // Stored in the question's own option indices (C = 2, B = 1), whatever the display order was.
      assert.deepEqual(
        new Set(rows.map((r) => JSON.stringify(r.answer))),
        new Set([JSON.stringify({ type: "single", choice: 2 }), JSON.stringify({ type: "single", choice: 1 })]),
      );
      assert.equal(rows.filter((r) => r.correctness === 1).length, 60);
      for (const r of rows) {
        if (r.correctness === 1) assert.equal(r.points, Math.round(1000 * (1 - r.elapsedMs / 5000 / 2)));
        else assert.equal(r.points, 0);
      }

      const mine = await Promise.all(results);
      const standings = (await standingsForConsole).standings;
      assert.equal(standings.length, STUDENTS);
      for (let i = 1; i < standings.length; i++) assert.ok(standings[i - 1].points >= standings[i].points);
      for (const [i, r] of mine.entries()) {
        const row = rows.find((x) => x.participantId === students[i].participantId)!;
        assert.equal(r.points, row.points);
        assert.equal(r.correctness, i < 60 ? 1 : 0);
        const standing = standings.find((s) => s.participantId === students[i].participantId)!;
        assert.equal(r.rank, standing.rank);
        assert.equal(r.of, STUDENTS);
      }
      assert.equal(mine[60].rank, 61, "wrong answers share rank 61");

      // A student who reconnects during the reveal sees it, with their own result.
      const back = await connectClient(server.url);
      const rejoined = await request(back, "session:rejoin", { rejoinToken: students[5].token });
      assert.ok(rejoined.ok);
      students[5] = { ...students[5], socket: back, token: rejoined.data.rejoinToken };
      const sync = await request(back, "quiz:sync", {});
      assert.ok(sync.ok);
      assert.equal(sync.data.state?.phase, "reveal");
      assert.equal(sync.data.result?.points, mine[5].points);

      // Q2: skip closes the next question at once; Q17 the streak continues.
      await control(t.console, "quiz:next", t.sessionId);
      const streakers = students.slice(0, 3);
      const threeIn = nextEvent(t.console, "quiz:progress", (p) => p.questionIndex === 1 && p.answered === 3);
      for (const s of streakers)
        assert.ok((await request(s.socket, "quiz:answer", { roundId: state.roundId, questionIndex: 1, answer: { type: "truefalse", value: true } })).ok);
      await threeIn;
      const stillOpen = await request(t.console, "quiz:sync", { sessionId: t.sessionId });
      assert.equal(stillOpen.ok && stillOpen.data.state?.phase, "question", "Q5a: 97 connected students have not answered: the question stays open");
      const skipped = inPhase(await control(t.console, "quiz:skip", t.sessionId), "reveal");
      assert.ok(skipped.closesAt <= Date.now());
      const second = await server.db.quizAnswer.findMany({ where: { roundId: state.roundId, questionIndex: 1 } });
      assert.deepEqual(
        second.map((r) => r.streak),
        [2, 2, 2],
      );
      for (const r of second) assert.equal(r.points, Math.round(1000 * (1 - r.elapsedMs / 5000 / 2)) + 100);

      const ended = await control(t.console, "quiz:end", t.sessionId);
      assert.equal(ended.phase, "ended");
      assert.equal(ended.podium?.length, 3);
      assert.ok(streakers.some((s) => s.participantId === ended.podium?.[0].participantId));
      const results2 = await t.api.ok("quizRoundResults", { params: { roundId: state.roundId } });
      assert.equal(results2.cells.length, STUDENTS + 3);
      assert.equal(results2.questions[0].correctCount, 60);
      assert.equal(results2.standings[0].points, ended.podium?.[0].points);
    });

    it("Q1 Q2 Q6: only the instructor controls; only participants answer; malformed answers are BAD_REQUEST", async () => {
      const quizId = await makeQuiz(t, [choice(0, { timeLimitSec: 30 }), tf(true)]);
      const state = await startQuiz(t, quizId);
      const again = await request(t.console, "quiz:start", { sessionId: t.sessionId, quizId });
      assert.equal(!again.ok && again.error.code, "CONFLICT");
      for (const event of ["quiz:next", "quiz:skip", "quiz:end"] as const) {
        const r = await request(students[0].socket, event, { sessionId: t.sessionId });
        assert.equal(!r.ok && r.error.code, "FORBIDDEN", event);
      }
      assert.equal(
        ((r) => !r.ok && r.error.code)(await request(t.console, "quiz:skip", { sessionId: t.sessionId })),
        "CONFLICT",
        "nothing to skip in the lobby",
      );
      await control(t.console, "quiz:next", t.sessionId);
      const answer = { roundId: state.roundId, questionIndex: 0, answer: { type: "single", choice: 0 } };
      const fromConsole = await request(t.console, "quiz:answer", answer);
      assert.equal(!fromConsole.ok && fromConsole.error.code, "FORBIDDEN");
      const stranger: TestSocket = await connectClient(server.url);
      const fromStranger = await request(stranger, "quiz:answer", answer);
      assert.equal(!fromStranger.ok && fromStranger.error.code, "FORBIDDEN");
      stranger.close();
      const bad = [
        { ...answer, answer: { type: "single", choice: 4 } }, // option out of range
        { ...answer, answer: { type: "numeric", text: "3" } }, // wrong type
        { ...answer, answer: { type: "single", choice: "2" } }, // not a number
        { ...answer, answer: { type: "text", text: "x".repeat(81) } }, // over-long text
        { ...answer, answer: { type: "multiple", choices: [0, 0] } },
        { roundId: state.roundId, questionIndex: -1, answer: { type: "single", choice: 0 } },
      ];
      for (const payload of bad) {
        const r = await request(students[1].socket, "quiz:answer", payload);
        assert.equal(!r.ok && r.error.code, "BAD_REQUEST", JSON.stringify(payload));
      }
      const wrongQuestion = await request(students[1].socket, "quiz:answer", { ...answer, questionIndex: 1, answer: { type: "truefalse", value: true } });
      assert.equal(!wrongQuestion.ok && wrongQuestion.error.code, "CONFLICT");
      assert.ok((await request(students[1].socket, "quiz:answer", answer)).ok, "a malformed answer does not use up the student's one answer");
      const synced = await request(students[1].socket, "quiz:sync", {});
      assert.ok(synced.ok && synced.data.answered);
      const consoleSync = await request(t.console, "quiz:sync", { sessionId: t.sessionId });
      assert.ok(consoleSync.ok && consoleSync.data.progress?.answered === 1);
      await control(t.console, "quiz:end", t.sessionId);
    });
  });

  describe(`quiz round across a restart (${kind})`, () => {
    it("Q5 Q22: a question open at shutdown resumes after the restart and closes on time; answers before and after count", async () => {
      const server = await startTestServer({ kind });
      const t = await instructorWithSession(server, "");
      const before1 = await joinAsGuest(server, t.code, "하나");
      const before2 = await joinAsGuest(server, t.code, "둘");
      const quizId = await makeQuiz(t, [choice(1, { timeLimitSec: 6 })]);
      const lobby = await startQuiz(t, quizId);
      const open = inPhase(await control(t.console, "quiz:next", t.sessionId), "question");
      const right = open.question.options!.findIndex((o) => o.en === "B");
      assert.ok((await request(before1.socket, "quiz:answer", { roundId: lobby.roundId, questionIndex: 0, answer: { type: "single", choice: right } })).ok);
      // Stop first: the server then drops the sockets itself (a client-side close would race its
      // disconnect bookkeeping with the shutdown).
      await server.stop();
      for (const s of [before1.socket, before2.socket, t.console]) s.close();

      const restarted = await startTestServer({ database: server.database });
      const socket = await connectClient(restarted.url);
      // A student who joins after the restart and does not answer keeps the question open until its timer (Q5a).
      const newcomer = await joinAsGuest(restarted, t.code, "셋");
      try {
        const rejoined = await request(socket, "session:rejoin", { rejoinToken: before2.token });
        assert.ok(rejoined.ok, JSON.stringify(rejoined));
        const sync = await request(socket, "quiz:sync", {});
        assert.ok(sync.ok);
        const synced = inPhase(sync.data.state, "question");
        assert.equal(synced.closesAt, open.closesAt, "the same server-clock deadline");
        assert.ok(synced.serverNow < open.closesAt);
        const reveal = nextReveal(socket, 0);
        const result = nextEvent(socket, "quiz:result");
        assert.deepEqual(synced.question.options, open.question.options, "the same shuffled options after the restart (Q15a)");
        const late = await request(socket, "quiz:answer", { roundId: lobby.roundId, questionIndex: 0, answer: { type: "single", choice: right } });
        assert.ok(late.ok, JSON.stringify(late));
        const revealed = await reveal;
        const closedAt = Date.now();
        assert.ok(closedAt >= open.closesAt, "not before closesAt");
        assert.ok(closedAt - open.closesAt < 1000, `closed ${closedAt - open.closesAt} ms after closesAt`);
        assert.equal(revealed.reveal.answered, 2, "the answer from before the restart counts too");
        assert.equal(revealed.reveal.correctCount, 2);
        const mine = await result;
        assert.equal(mine.rank, 2, "answered later, fewer points");
        const rounds = await restarted.db.quizRound.findMany({ where: { sessionId: t.sessionId } });
        assert.equal(rounds[0].phase, "reveal");
      } finally {
        await restarted.close();
        socket.close();
        newcomer.socket.close();
      }
    });
  });
}
