/**
 * Q8a: answers clicked while a student's seat is not live wait in the page (app/lib/offlineQueue.ts)
 * and go out after the rejoin; one whose reply was lost with the connection goes out again, and
 * the server counts it once. Real server, a real student socket that drops and reconnects.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { OfflineQueue } from "../../app/lib/offlineQueue";
import { NO_ANSWER } from "../../app/lib/socket";
import { request, type TestSocket } from "../helpers/clients";
import { control, inPhase, makeQuiz, startQuiz, tf } from "../helpers/quiz";
import { instructorWithSession, joinAsGuest } from "../helpers/scenario";
import { startTestServer, type TestServer } from "../helpers/server";

/** Reconnects the socket and seats it again with the student's token; returns the rotated token. */
async function reconnectAndRejoin(socket: TestSocket, token: string): Promise<string> {
  const connected = new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  socket.connect();
  await connected;
  const reply = await request(socket, "session:rejoin", { rejoinToken: token });
  assert.ok(reply.ok, JSON.stringify(reply));
  return reply.data.rejoinToken;
}

describe("Q8a offline answers", () => {
  let server: TestServer;
  before(async () => (server = await startTestServer()));
  after(() => server.close());

  it("an answer clicked while offline waits, the newest click wins, and it is sent and counted after the rejoin", async () => {
    const t = await instructorWithSession(server);
    const mina = await joinAsGuest(server, t.code, "미나");
    const other = await joinAsGuest(server, t.code, "준"); // keeps the question open (Q5a)
    await startQuiz(t, await makeQuiz(t, [tf(true, { timeLimitSec: 60 }), tf(false, { timeLimitSec: 60 })]));
    const open = inPhase(await control(t.console, "quiz:next", t.sessionId), "question");
    let waiting: string[] = [];
    const queue = new OfflineQueue((keys) => (waiting = keys));
    queue.seatedAgain(); // joined

    const dropped = new Promise<void>((resolve) => mina.socket.once("disconnect", () => resolve()));
    mina.socket.disconnect();
    await dropped;
    queue.unseated();
    let sends = 0;
    const answer = (value: boolean) => () => {
      sends++;
      return request(mina.socket, "quiz:answer", { roundId: open.roundId, questionIndex: 0, answer: { type: "truefalse", value } });
    };
    const first = queue.send("quiz:0", answer(false));
    const second = queue.send("quiz:0", answer(true)); // she changed her mind before the Wi-Fi came back
    assert.deepEqual(waiting, ["quiz:0"]);
    assert.equal(sends, 0, "nothing goes out on a dead seat");

    mina.token = await reconnectAndRejoin(mina.socket, mina.token);
    queue.seatedAgain();
    const [a, b] = await Promise.all([first, second]);
    assert.ok(a.ok, JSON.stringify(a));
    assert.deepEqual(a, b, "both clicks get the reply of the one sent");
    assert.equal(sends, 1);
    assert.deepEqual(waiting, []);
    const rows = await server.db.quizAnswer.findMany({ where: { roundId: open.roundId, participantId: mina.participantId } });
    assert.deepEqual(
      rows.map((r) => r.answer),
      [{ type: "truefalse", value: true }],
    );
    for (const s of [mina.socket, other.socket, t.console]) s.close();
  });

  it("an answer whose reply was lost with the connection is sent again after the rejoin and counted once", async () => {
    const t = await instructorWithSession(server);
    const mina = await joinAsGuest(server, t.code, "미나");
    const other = await joinAsGuest(server, t.code, "준");
    await startQuiz(t, await makeQuiz(t, [tf(true, { timeLimitSec: 60 })]));
    const open = inPhase(await control(t.console, "quiz:next", t.sessionId), "question");
    const queue = new OfflineQueue(() => undefined);
    queue.seatedAgain();

    const payload = { roundId: open.roundId, questionIndex: 0, answer: { type: "truefalse", value: true } };
    let sends = 0;
    let lost!: () => void;
    const connectionLost = new Promise<void>((resolve) => (lost = resolve));
    const sent = queue.send("quiz:0", async () => {
      sends++;
      if (sends > 1) return request(mina.socket, "quiz:answer", payload);
      // The answer reaches the server, then the connection drops before the page sees the reply.
      const stored = await request(mina.socket, "quiz:answer", payload);
      assert.ok(stored.ok);
      const dropped = new Promise<void>((resolve) => mina.socket.once("disconnect", () => resolve()));
      mina.socket.disconnect();
      await dropped;
      queue.unseated();
      lost();
      return NO_ANSWER;
    });
    await connectionLost;
    mina.token = await reconnectAndRejoin(mina.socket, mina.token);
    queue.seatedAgain();
    const reply = await sent;
    assert.ok(reply.ok, JSON.stringify(reply));
    assert.equal(sends, 2, "sent again after the rejoin");
    assert.equal(await server.db.quizAnswer.count({ where: { roundId: open.roundId, participantId: mina.participantId } }), 1);
    for (const s of [mina.socket, other.socket, t.console]) s.close();
  });
});
